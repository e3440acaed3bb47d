"""What ``clientlearn … --help`` says about each command, in Ukrainian and English.

:data:`COMMANDS` is keyed by the command's path under ``clientlearn`` ("report",
"bank check"; the top-level group is "clientlearn"): its help, whose first sentence is
also its short help in its group's list.  :data:`USAGE` words click's usage line.  The
options' help is in :mod:`.optionwords`; :mod:`.base` shows both in the language of
the call.  The commands' docstrings keep the English text for readers of the code.
"""

from __future__ import annotations

__all__ = ["COMMANDS", "USAGE"]

# click's usage pieces (Command.options_metavar, Group.subcommand_metavar) and the
# metavars it makes of a type's name: attributes, not gettext texts, so clicktexts
# cannot word them.
USAGE: dict[str, dict[str, str]] = {
    "[OPTIONS]": {"uk": "[ПАРАМЕТРИ]", "en": "[OPTIONS]"},
    "COMMAND [ARGS]...": {"uk": "КОМАНДА [АРГУМЕНТИ]...", "en": "COMMAND [ARGS]..."},
    "[COMMAND] [ARGS]...": {"uk": "[КОМАНДА] [АРГУМЕНТИ]...", "en": "[COMMAND] [ARGS]..."},
    "TEXT": {"uk": "ТЕКСТ", "en": "TEXT"},
    "INTEGER": {"uk": "ЦІЛЕ", "en": "INTEGER"},
    "FLOAT": {"uk": "ЧИСЛО", "en": "FLOAT"},
    "INTEGER RANGE": {"uk": "ЦІЛЕ", "en": "INTEGER RANGE"},
    "FLOAT RANGE": {"uk": "ЧИСЛО", "en": "FLOAT RANGE"},
}

COMMANDS: dict[str, dict[str, str]] = {
    "clientlearn": {
        "uk": "Інтерактивні тести в Jupyter, що самі зберігають відповіді й оцінюються в nbgrader.",
        "en": "Interactive, self-saving quizzes for Jupyter, graded inside nbgrader.",
    },
    "notebook": {
        "uk": "Збирання зошитів з уроків.",
        "en": "Build notebooks from lessons.",
    },
    "notebook build": {
        "uk": "Зібрати зошит OUT для nbgrader з уроку LESSON (Markdown з {{{{ ask ID }}}}) і "
        "його банку --bank; або, з --all, усі зошити курсу з їхніх уроків.",
        "en": "Build an nbgrader-ready notebook OUT from a LESSON (Markdown with {{{{ ask ID }}}}) "
        "and its --bank; or, with --all, every notebook of the course from its lesson.",
    },
    "demo": {
        "uk": "Шлях тренера на змодельованій групі: список учасників, групи, видача "
        "модулів, відповіді, паралельне автоматичне оцінювання, відгуки, звіт, експорт, "
        "сертифікати.",
        "en": "The trainer's journey on a simulated class: roster, groups, release, answers, "
        "parallel autograde, feedback, report, export, certificates.",
    },
    "bank": {
        "uk": "Перевірка й публікація банків питань; експорт до Moodle й імпорт з нього.",
        "en": "Check and publish question banks; export them to Moodle and import from it.",
    },
    "bank check": {
        "uk": "Перевірити банки питань; кожну проблему вивести рядком FILE:LINE: FIELD: "
        "повідомлення.",
        "en": "Check question banks; print FILE:LINE: FIELD: message per problem.",
    },
    "bank publish": {
        "uk": "Вивести копію банку для учасників (без ключів оцінюваних питань).",
        "en": "Print the participants' copy of a bank (graded keys removed).",
    },
    "bank export": {
        "uk": "Експортувати питання банку для імпорту в банк питань Moodle, українською "
        "(або англійською з --lang en).  Сценарії та шкали оцінювання не мають "
        "відповідників у Moodle: кожен такий названо в стандартному потоці помилок.",
        "en": "Export a bank's questions for Moodle's question bank import, in Ukrainian (or "
        "English with --lang en).  Scenarios and ratings have no Moodle equivalent: each is "
        "named on standard error.",
    },
    "bank import": {
        "uk": "Імпортувати файл Moodle XML або GIFT у перевірений банк; у стандартний потік "
        "помилок вивести, що не вдалося перенести (FILE:LINE: питання: чому).",
        "en": "Import a Moodle XML or GIFT file into a checked bank; print on standard error "
        "what could not be carried over (FILE:LINE: question: why).",
    },
    "groups": {
        "uk": "Поділ на малі групи й черговість ролей у рольових іграх.",
        "en": "Form small groups and role-play rotations for the training.",
    },
    "groups form": {
        "uk": "Поділити список учасників ROSTER (CSV) на групи; записати groups.csv і "
        "group-cards.html.",
        "en": "Split ROSTER (CSV) into groups; write groups.csv and group-cards.html.",
    },
    "groups rotate": {
        "uk": "Спланувати раунди рольових ігор для GROUPS_CSV; записати schedule.csv і "
        "schedule.html.",
        "en": "Plan role-play rounds for GROUPS_CSV; write schedule.csv and schedule.html.",
    },
    "groups summary": {
        "uk": "Підсумувати відповіді груп і рубрики спостерігачів із SUBMISSIONS_DIR "
        "(<student>/<assignment>/clientlearn.answers.json): таблиці CSV і діаграми PNG.",
        "en": "Sum up group answers and observer rubrics from SUBMISSIONS_DIR "
        "(<student>/<assignment>/clientlearn.answers.json): CSV tables and PNG charts.",
    },
    "selfassess": {
        "uk": "Інструменти самооцінювання: перевірити їх, підсумувати по групі.",
        "en": "Self-assessment instruments: check them, summarise a class.",
    },
    "selfassess summary": {
        "uk": "Підсумувати самооцінювання в SUBMISSIONS_DIR (submitted/ або autograded/ "
        "nbgrader): таблиці CSV і діаграми в OUT, коротка таблиця тут.",
        "en": "Summarise the self-assessments under SUBMISSIONS_DIR (nbgrader's submitted/ or "
        "autograded/): CSV tables and charts in OUT, a short table here.",
    },
    "selfassess check": {
        "uk": "Перевірити файли інструментів; кожну проблему вивести рядком FILE:LINE: "
        "FIELD: повідомлення.",
        "en": "Check instrument files; print FILE:LINE: FIELD: message per problem.",
    },
    "handbook": {
        "uk": "Зробити з MODULES (тек із джерелами модулів; типово — модулі з course.yaml "
        "у поточній теці) посібник для друку без ключів і прихованих тестів.",
        "en": "Render MODULES (assignment source folders; by default the modules course.yaml "
        "lists, in the current folder) into a printable handbook without keys or hidden tests.",
    },
    "roster": {
        "uk": "Імпорт списку учасників до журналу оцінок nbgrader.",
        "en": "Import the class roster into the nbgrader gradebook.",
    },
    "roster import": {
        "uk": "Додати людей із FILE (CSV або XLSX з Excel) до журналу оцінок курсу.\n\n"
        "Імена читаються як «Прізвище Ім’я [По батькові]» (один стовпець, як-от ПІБ або "
        "name, чи стовпці Прізвище, Ім’я, По батькові); ідентифікатори мають вигляд "
        "прізвище_ім’я за офіційною українською транслітерацією.  Також записує "
        "roster.csv у теці курсу для інших команд.",
        "en": "Add the people of FILE (CSV or XLSX from Excel) to the course's gradebook.\n\n"
        "Names are read as «Прізвище Ім’я [По батькові]» (one column such as ПІБ or name, or "
        "columns Прізвище, Ім’я, По батькові); ids are surname_firstname by the official "
        "Ukrainian transliteration.  Also writes roster.csv in the course folder for the "
        "other commands.",
    },
    "export": {
        "uk": "Експортувати бали кожного учасника за кожен модуль, суму й позначку про "
        "складання (а з --per-question — і за кожне питання).",
        "en": "Export every participant's points per module, total and pass mark (and, with "
        "--per-question, per question).",
    },
    "certificates": {
        "uk": "Сертифікати PDF для всіх, хто склав (типова дія, те саме, що `make`), "
        "і `verify CODE`.",
        "en": "PDF certificates for everyone who passed (the default action, same as `make`), "
        "and `verify CODE`.",
    },
    "certificates make": {
        "uk": "Записати PDF-сертифікат для кожного учасника, що склав, all-certificates.pdf "
        "для друку і register.csv з їхніми кодами перевірки.",
        "en": "Write a certificate PDF per participant who passed, all-certificates.pdf for "
        "printing, and register.csv with their verification codes.",
    },
    "certificates verify": {
        "uk": "Перевірити код сертифіката CODE: вийти з кодом 0 і вивести, чий він, або "
        "вийти з кодом 1.",
        "en": "Check a certificate's CODE: exit 0 and print whose it is, or exit 1.",
    },
    "report": {
        "uk": "Записати звіт про групу курсу nbgrader: бали за модулями, складність і "
        "розрізнювальна здатність питань, статистика тестів, як її рахує Moodle, і не "
        "тільки, кроки й ознаки, що найчастіше плутають, самооцінка до і після, групова "
        "робота і сторінка для кожного учасника.",
        "en": "Write the class report of the nbgrader course: scores per module, item "
        "difficulty and discrimination, quiz statistics as Moodle computes them and more, the "
        "most confused steps and signs, self-assessment before/after, group work and a page "
        "per participant.",
    },
    "autograde": {
        "uk": "Автоматично оцінити всі здані роботи модуля MODULE (завдання курсу), як "
        "`nbgrader autograde MODULE --force`, у кількох процесах; збої перелічено в "
        "кінці, і вони не зупиняють решти.",
        "en": "Autograde every submission of MODULE (an assignment of the course) like "
        "`nbgrader autograde MODULE --force`, in several processes; failures are listed at "
        "the end and do not stop the others.",
    },
    "release": {
        "uk": "Підготувати кожен модуль MODULE для учасників (nbgrader generate_assignment: "
        "банк без ключів) у release/MODULE/, разом із groups.csv групи.",
        "en": "Prepare each MODULE for the participants (nbgrader generate_assignment: the bank "
        "without its keys) in release/MODULE/, with the class's groups.csv.",
    },
    "collect": {
        "uk": "Зібрати здані роботи модуля MODULE із SOURCES (архіви zip Moodle «Download "
        "all submissions», архіви або теки учасників, названі ідентифікатором чи "
        "іменем, теки з ними) у submitted/<id>/MODULE/, зіставивши зі списком "
        "учасників; новішу роботу ніколи не замінює старіша.",
        "en": "Collect MODULE's handed-in work from SOURCES (Moodle's \"Download all "
        "submissions\" zips, participants' zips or folders named by id or name, folders of "
        "these) into submitted/<id>/MODULE/, matched to the roster; a newer submission is "
        "never replaced by an older one.",
    },
    "feedback": {
        "uk": "Записати відгук кожному оціненому учасникові щодо модуля MODULE в HTML "
        "(відповіді, бали й пояснення; без ключів і прихованих тестів), зроблений "
        "заново з балами журналу оцінок.",
        "en": "Write each graded participant's feedback on MODULE as HTML (answers, points and "
        "explanations; no keys, no hidden tests), made again with the gradebook's scores.",
    },
    "lite": {
        "uk": "Версія JupyterLite: обидва модулі в браузері, нічого не треба встановлювати.",
        "en": "The JupyterLite edition: both modules in the browser, nothing to install.",
    },
    "lite build": {
        "uk": "Зібрати статичний сайт JupyterLite з обома виданими модулями й усім "
        "потрібним для них.",
        "en": "Build a static JupyterLite site of both released modules, with everything it needs.",
    },
    "lite serve": {
        "uk": "Роздавати зібраний сайт SITE через HTTP, доки не натиснуто Ctrl+C.",
        "en": "Serve a built SITE over HTTP until Ctrl+C.",
    },
    "written": {
        "uk": "Оцінювання письмових завдань в аркуші: експортувати, заповнити, імпортувати.",
        "en": "Grade the written tasks in a sheet: export it, fill it in, import it.",
    },
    "written export": {
        "uk": "Записати аркуш оцінювання модуля MODULE: аркуш на кожне письмове завдання, "
        "рядок на кожного учасника з відповіддю, критеріями рубрики, зразком відповіді "
        "і стовпцями для бала й коментаря.",
        "en": "Write MODULE's grading sheet: a sheet per written task, a row per participant "
        "with the answer, the rubric's criteria, the model answer, and columns for the score "
        "and comment.",
    },
    "written import": {
        "uk": "Записати бали й коментарі із заповненого аркуша оцінювання FILE до журналу "
        "оцінок, як це робить formgrader; аркуш, у якому є хоч одна проблема, нічого не "
        "записує.",
        "en": "Write the scores and comments of a filled grading sheet FILE into the gradebook, "
        "as the formgrader does; a sheet with any problem writes nothing.",
    },
}
