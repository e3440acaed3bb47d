"""What ``clientlearn … --help`` says about each option, in Ukrainian and English.

:data:`OPTIONS` is keyed by the command's path and the option's longest name
("report --out", "bank export --format"; see :mod:`.helpwords`); the ``--lang`` every
printing command takes is the one shared entry, "--lang".  Every text is filled in with
``course_default``, the rule :mod:`.courseroot` uses to find the course folder.
"""

from __future__ import annotations

__all__ = ["OPTIONS"]

Entry = dict[str, str]

_COURSE = "nbgrader course folder (the one holding gradebook.db).  {course_default}"
_COURSE_UK = "Тека курсу nbgrader (та, де gradebook.db).  {course_default}"

# The certificates group takes the options of its default action, `certificates make`.
_CERTIFICATES: dict[str, Entry] = {
    "--course": {"uk": _COURSE_UK, "en": _COURSE},
    "--out": {
        "uk": "Тека для PDF і register.csv (типово: certificates/ у --course).",
        "en": "Folder for the PDFs and register.csv (default: certificates/ in --course).",
    },
    "--min-score": {
        "uk": "Частка максимуму кожного модуля у відсотках, потрібна, щоб його скласти.",
        "en": "Percentage of each module's maximum needed to pass.",
    },
    "--trainer": {
        "uk": "Ім’я тренера [типово: з course.yaml; інакше — порожній рядок для підпису].",
        "en": "Trainer's name [default: course.yaml's; else a blank line to sign].",
    },
    "--dates": {
        "uk": "Дати тренінгу [типово: з course.yaml].",
        "en": "Dates of the training [default: course.yaml's].",
    },
    "--hours": {
        "uk": "Тривалість тренінгу в годинах [типово: з course.yaml].",
        "en": "Hours of training [default: course.yaml's].",
    },
    "--title": {
        "uk": "Назва курсу [типово: з course.yaml].",
        "en": "Course title [default: course.yaml's].",
    },
    "--place": {
        "uk": "Місце проведення тренінгу [типово: з course.yaml].",
        "en": "Where the training took place [default: course.yaml's].",
    },
    "--assignment": {
        "uk": "Модулі, що зараховуються (повторіть для кількох; типово: усі).",
        "en": "Modules that count (repeat for several; default: all).",
    },
}

OPTIONS: dict[str, Entry] = {
    "--lang": {
        "uk": "Мова повідомлень і того, що записано.",
        "en": "Language of the messages and of what is written.",
    },
    "group --lang": {
        "uk": "Мова довідки й повідомлень; також типова --lang кожної команди групи.",
        "en": "Language of the help and messages; also the default --lang of every command "
        "of the group.",
    },
    "--course default": {
        "uk": "[типово: поточна тека, якщо в ній є nbgrader_config.py, інакше ./course]",
        "en": "[default: the current folder if it holds nbgrader_config.py, else ./course]",
    },
    "notebook build --bank": {
        "uk": "Банк питань уроку LESSON.",
        "en": "The question bank of the LESSON.",
    },
    "notebook build --out": {
        "uk": "Зошит, який записати (.ipynb).",
        "en": "The notebook to write (.ipynb).",
    },
    "notebook build --all": {
        "uk": "Усі уроки модулів курсу.",
        "en": "Every lesson of the course's modules.",
    },
    "notebook build --course": {
        "uk": "З --all: тека курсу, у course.yaml якої перелічено модулі.  {course_default}",
        "en": "With --all: the course folder whose course.yaml lists the modules.  "
        "{course_default}",
    },
    "demo --out": {
        "uk": "Тека для демонстраційного курсу (типово: нова тимчасова тека).",
        "en": "Folder for the demo course (default: a new temporary folder).",
    },
    "demo --participants": {
        "uk": "Кількість змодельованих учасників.",
        "en": "Simulated participants.",
    },
    "demo --seed": {
        "uk": "Зерно змодельованої групи.",
        "en": "Seed of the simulated class.",
    },
    "demo --jobs": {
        "uk": "Паралельні процеси автоматичного оцінювання [типово: кількість процесорів, "
        "не більше 4].",
        "en": "Parallel autograde workers [default: the CPUs, at most 4].",
    },
    "demo --db-url": {
        "uk": "База даних журналу оцінок (CourseDirectory.db_url nbgrader), наприклад "
        "порожня база PostgreSQL: postgresql+psycopg://USER@HOST/DB [типово: gradebook.db "
        "у теці курсу].",
        "en": "The gradebook's database (nbgrader's CourseDirectory.db_url), e.g. an empty "
        "PostgreSQL database: postgresql+psycopg://USER@HOST/DB [default: gradebook.db in the "
        "course folder].",
    },
    "bank export --format": {
        "uk": "Moodle XML (усі типи, що є в Moodle, одиниці, пояснення до впорядкування) або GIFT.",
        "en": "Moodle XML (every type Moodle has, units, the ordering's explanation) or GIFT.",
    },
    "bank export --out": {
        "uk": "Файл, який записати [стандартний вивід].",
        "en": "File to write [stdout].",
    },
    "bank import --out": {"uk": "Банк, який записати.", "en": "Bank to write."},
    "bank import --format": {
        "uk": "[типово: за розширенням, .xml або .gift/.txt]",
        "en": "[default: from the extension, .xml or .gift/.txt]",
    },
    "groups form --size": {
        "uk": "Бажаний розмір групи K; кількість груп — n/K, округлене.",
        "en": "Target group size K; the number of groups is n/K rounded.",
    },
    "groups form --count": {"uk": "Кількість груп N.", "en": "Number of groups N."},
    "groups form --balance": {
        "uk": "Стовпець списку учасників, за яким перемішати групи (типово: область або "
        "бібліотека, якщо є).",
        "en": "Roster column to mix across groups (default: oblast or library if present).",
    },
    "groups form --seed": {
        "uk": "Те саме зерно — ті самі групи.",
        "en": "Same seed, same groups.",
    },
    "groups form --avoid": {
        "uk": "groups.csv попереднього заняття: якнайменше повторювати пари.",
        "en": "groups.csv of an earlier session: repeat as few pairs as possible.",
    },
    "groups form --out": {"uk": "Тека для результатів.", "en": "Output folder."},
    "groups form --course": {
        "uk": "Тека курсу, course.yaml якої дає назву для карток.  {course_default}",
        "en": "The course folder whose course.yaml titles the cards.  {course_default}",
    },
    "groups rotate --roles": {
        "uk": "Ролі через кому; кожну роль, крім спостерігача, грають по черзі.",
        "en": "Comma-separated roles; every role but observer is played in turn.",
    },
    "groups rotate --rounds": {
        "uk": "Кількість раундів (типово: розмір найбільшої групи).",
        "en": "Number of rounds (default: size of the largest group).",
    },
    "groups rotate --scenarios": {
        "uk": "Список ідентифікаторів і назв сценаріїв у YAML або CSV.",
        "en": "YAML or CSV list of scenario ids and titles.",
    },
    "groups rotate --seed": {
        "uk": "Те саме зерно — той самий розклад.",
        "en": "Same seed, same schedule.",
    },
    "groups rotate --out": {"uk": "Тека для результатів.", "en": "Output folder."},
    "groups rotate --course": {
        "uk": "Тека курсу, course.yaml якої дає назву для розкладу.  {course_default}",
        "en": "The course folder whose course.yaml titles the schedule.  {course_default}",
    },
    "groups summary --out": {"uk": "Тека для результатів.", "en": "Output folder."},
    "groups summary --rubric": {
        "uk": "Рубрика курсу, крім вбудованих (повторіть для кількох).",
        "en": "A course rubric besides the shipped ones (repeat for several).",
    },
    "selfassess summary --out": {"uk": "Тека для результатів.", "en": "Output folder."},
    "selfassess summary --format": {
        "uk": "Формат діаграм; повторіть для обох.",
        "en": "Chart format; repeat for both.",
    },
    "selfassess summary --instrument": {
        "uk": "Файл YAML інструмента, який додати до вбудованих; можна повторювати.",
        "en": "An instrument YAML file to include besides the shipped ones; repeatable.",
    },
    "handbook --out": {
        "uk": "Тека для handbook-LANG.html і handbook-LANG.pdf.",
        "en": "Folder for handbook-LANG.html and handbook-LANG.pdf.",
    },
    "handbook --pdf": {"uk": "Також надрукувати PDF.", "en": "Also print a PDF."},
    "handbook --course": {
        "uk": "Тека курсу, course.yaml якої дає назву й модулі.  {course_default}",
        "en": "The course folder whose course.yaml gives the title and the modules.  "
        "{course_default}",
    },
    "roster import --course": {
        "uk": "Тека курсу nbgrader (з nbgrader_config.py і gradebook.db).  {course_default}",
        "en": "The nbgrader course folder (holds nbgrader_config.py and gradebook.db).  "
        "{course_default}",
    },
    "roster import --dry-run": {
        "uk": "Показати, що зміниться; нічого не записувати.",
        "en": "Show what would change; write nothing.",
    },
    "export --course": {"uk": _COURSE_UK, "en": _COURSE},
    "export --out": {
        "uk": "Файл для результату (типово: grades.csv, grades.xlsx або grades-moodle.csv "
        "у --course).",
        "en": "Output file (default: grades.csv, grades.xlsx or grades-moodle.csv in --course).",
    },
    "export --format": {
        "uk": "csv (UTF-8 з BOM), xlsx або moodle (для імпорту оцінок у Moodle); типово: "
        "xlsx, якщо --out закінчується на .xlsx, інакше csv.",
        "en": "csv (UTF-8 with BOM), xlsx, or moodle (for Moodle's grade import); default: "
        "xlsx for an --out ending in .xlsx, else csv.",
    },
    "export --min-score": _CERTIFICATES["--min-score"],
    "export --assignment": {
        "uk": "Експортувати лише цей модуль (повторіть для кількох; типово: усі).",
        "en": "Export only this module (repeat for several; default: all).",
    },
    "export --per-question": {
        "uk": "Додати стовпець для кожного питання (клітинки оцінки) кожного модуля; для "
        "Moodle — окремий елемент оцінювання на кожне.",
        "en": "Add a column per question (grade cell) of every module; for Moodle, a grade "
        "item each.",
    },
    "export --match": {
        "uk": "moodle: перший стовпець, за яким імпорт Moodle знаходить користувачів, — їхня "
        "електронна адреса або ідентифікаційний номер (ідентифікатор учасника зі списку "
        "учасників).",
        "en": "moodle: the first column Moodle's import maps users by, their email address or "
        "their ID number (the participant's id from the roster).",
    },
    **{f"certificates {name}": entry for name, entry in _CERTIFICATES.items()},
    **{f"certificates make {name}": entry for name, entry in _CERTIFICATES.items()},
    "certificates verify --course": {
        "uk": "Тека курсу, що видав сертифікат (з .certificate-key).  {course_default}",
        "en": "Course folder that issued the certificate (holds .certificate-key).  "
        "{course_default}",
    },
    "certificates verify --register": {
        "uk": "register.csv (типово: certificates/register.csv у --course).",
        "en": "register.csv (default: certificates/register.csv in --course).",
    },
    "report --course": {
        "uk": "Тека курсу nbgrader.  {course_default}",
        "en": "The nbgrader course folder.  {course_default}",
    },
    "report --out": {
        "uk": "Тека для report-LANG.html.",
        "en": "Folder for report-LANG.html.",
    },
    "report --module": {
        "uk": "Звіт лише про цей модуль (завдання nbgrader); повторіть для кількох. Типово: усі.",
        "en": "Report only this module (nbgrader assignment); repeat for several. Default: all.",
    },
    "report --min-score": {
        "uk": "Прохідний бал: відсоток максимуму модуля.",
        "en": "Pass mark: percent of a module's maximum.",
    },
    "report --stats": {
        "uk": "Також записати статистику тестів (як у Moodle і не тільки) в цей файл .xlsx "
        "або .csv.",
        "en": "Also write the quiz statistics (Moodle's and more) to this .xlsx or .csv file.",
    },
    "autograde --course": {
        "uk": "Корінь курсу nbgrader (з nbgrader_config.py і gradebook.db).  {course_default}",
        "en": "The nbgrader course root (holds nbgrader_config.py and gradebook.db).  "
        "{course_default}",
    },
    "autograde --jobs": {
        "uk": "Процеси оцінювання  [типово: кількість процесорів, не більше 4]",
        "en": "Grading processes  [default: the number of CPUs, at most 4]",
    },
    "autograde --cluster": {
        "uk": "Оцінювати на кластері Dask цього планувальника (його обчислювальні вузли мають "
        "бачити теку курсу за тим самим шляхом), а не в локальних процесах.",
        "en": "Grade on the Dask cluster of this scheduler (its workers must see the course "
        "folder at the same path) instead of local processes.",
    },
    "autograde --student": {
        "uk": "Оцінити лише роботу цього учасника (повторіть для кількох).",
        "en": "Grade only this participant's submission (repeat for several).",
    },
    "autograde --new-students": {
        "uk": "Оцінити також теки з роботами людей, яких немає в імпортованому списку учасників.",
        "en": "Also grade submission folders of people who are not in the imported roster.",
    },
    "release --course": {
        "uk": "Тека курсу nbgrader (з nbgrader_config.py).  {course_default}",
        "en": "The nbgrader course folder (holds nbgrader_config.py).  {course_default}",
    },
    "release --exchange": {
        "uk": "Також видати через теку обміну nbgrader (учасники на одному спільному сервері).",
        "en": "Also release to nbgrader's exchange folder (participants on one shared server).",
    },
    "release --groups": {
        "uk": "groups.csv, який додати до кожного видання  [типово: groups.csv курсу, якщо є]",
        "en": "groups.csv to put into each release  [default: the course's groups.csv, if any]",
    },
    "release --force": {
        "uk": "Підготувати (і видати) знову вже виданий модуль.",
        "en": "Prepare (and release) again a module released before.",
    },
    "collect --course": {
        "uk": "Тека курсу nbgrader (з nbgrader_config.py і roster.csv).  {course_default}",
        "en": "The nbgrader course folder (holds nbgrader_config.py and roster.csv).  "
        "{course_default}",
    },
    "collect --exchange": {
        "uk": "Також зібрати те, що учасники здали через теку обміну nbgrader.",
        "en": "Also collect what participants submitted through nbgrader's exchange folder.",
    },
    "feedback --course": {
        "uk": "Тека курсу nbgrader (з nbgrader_config.py і gradebook.db).  {course_default}",
        "en": "The nbgrader course folder (holds nbgrader_config.py and gradebook.db).  "
        "{course_default}",
    },
    "feedback --exchange": {
        "uk": "Також надіслати відгуки через теку обміну nbgrader.",
        "en": "Also send the feedback through nbgrader's exchange folder.",
    },
    "lite build --out": {
        "uk": "Тека, у якій зібрати сайт (зібраний там раніше сайт буде замінено).",
        "en": "The folder to build the site in (a site built there before is replaced).",
    },
    "lite build --course": {
        "uk": "Тека курсу nbgrader, видані модулі якої містить сайт.  {course_default}",
        "en": "The nbgrader course folder whose released modules the site holds.  {course_default}",
    },
    "lite serve --port": {
        "uk": "Порт, на якому роздавати сайт.",
        "en": "The port to serve the site on.",
    },
    "lite serve --host": {
        "uk": "0.0.0.0 роздає сайт усім комп’ютерам мережі бібліотеки.",
        "en": "0.0.0.0 serves every computer of the library's network.",
    },
    "written export --out": {
        "uk": "Книга Excel, яку записати (FILE.xlsx); поруч записано FILE.html для друку.",
        "en": "The workbook to write (FILE.xlsx); the printable FILE.html is written beside it.",
    },
    "written export --course": {
        "uk": "Тека курсу nbgrader.  {course_default}",
        "en": "nbgrader course folder.  {course_default}",
    },
    "written import --force": {
        "uk": "Замінити оцінки й коментарі, поставлені у formgrader після того, як аркуш "
        "було зроблено.",
        "en": "Replace grades and comments given in the formgrader since the sheet was made.",
    },
    "written import --course": {
        "uk": "Тека курсу nbgrader.  {course_default}",
        "en": "nbgrader course folder.  {course_default}",
    },
}
