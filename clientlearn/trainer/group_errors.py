"""What forming groups and role-play rotations says when it cannot go on, in Ukrainian
and English (raised through ``ClientlearnError.said`` / ``Problem.said``) — for
:mod:`.groups`, :mod:`.rotation`, :mod:`.groupsession` and :mod:`.groupcards`."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    # groups
    "no_balance_column": {
        "uk": "немає стовпця «{column}», за яким вирівнювати групи; стовпці: {columns}",
        "en": "no column '{column}' to balance on; the columns are: {columns}",
    },
    "empty_roster": {
        "uk": "список учасників порожній; додайте щонайменше двох учасників",
        "en": "the roster is empty; add at least two participants",
    },
    "size_or_count": {
        "uk": "вкажіть або розмір групи, або кількість груп (рівно щось одне)",
        "en": "give either a group size or a number of groups (exactly one of them)",
    },
    "size_small": {
        "uk": "розмір групи {size} замалий; у групі має бути щонайменше 2 людини",
        "en": "group size {size} is too small; a group needs at least 2 people",
    },
    "size_large": {
        "uk": "розмір групи {size} більший за всю групу навчання (людей: {n}); виберіть "
        "розмір не більше {n}",
        "en": "group size {size} is larger than the class ({n} people); choose a size of at "
        "most {n}",
    },
    "count_small": {
        "uk": "кількість груп {count} замала; потрібна щонайменше 1",
        "en": "number of groups {count} is too small; use at least 1",
    },
    "count_alone": {
        "uk": "{count} груп на {n} людей залишили б когось самого; груп може бути щонайбільше "
        "{most}",
        "en": "{count} groups for {n} people would leave people alone; use at most {most} groups",
    },
    "count_one_person": {
        "uk": "{count} груп на одну людину; залиште одну групу",
        "en": "{count} groups for 1 person; use 1 group",
    },
    "row": {"uk": "рядок {n}", "en": "row {n}"},
    "no_rows": {"uk": "без номерів рядків", "en": "no row numbers"},
    "person_twice": {
        "uk": "«{id}» трапляється у списку учасників двічі ({rows}); вилучіть один запис",
        "en": "'{id}' appears twice in the roster ({rows}); remove one",
    },
    "none": {"uk": "жодного", "en": "none"},
    "no_balance_value": {
        "uk": "у «{name}» немає стовпця «{column}», за яким вирівнювати групи (стовпці: {have})",
        "en": "'{name}' has no '{column}' column to balance on (columns: {have})",
    },
    "avoid_unknown": {
        "uk": "жодної людини з попередніх груп немає в цьому списку учасників; перевірте, "
        "чи файл попередніх груп належить цій групі навчання",
        "en": "none of the people in the previous groups are in this roster; check that the "
        "previous groups file belongs to this class",
    },
    "no_grouping": {"uk": "поділу на групи не знайдено", "en": "no grouping found"},
    # rotation
    "empty_role": {
        "uk": "порожня назва ролі в {roles}; перелічіть ролі так: librarian,patron,observer",
        "en": "empty role name in {roles}; list roles like librarian,patron,observer",
    },
    "role_twice": {
        "uk": "роль {role} названо двічі; назвіть кожну роль один раз",
        "en": "role {role} is listed twice; list each role once",
    },
    "only_observer": {
        "uk": "дайте хоча б одну роль, крім спостерігача (observer), наприклад "
        "librarian,patron,observer",
        "en": "give at least one role besides observer, e.g. librarian,patron,observer",
    },
    "no_groups": {
        "uk": "груп немає; спершу сформуйте їх (clientlearn groups form)",
        "en": "there are no groups; form groups first (clientlearn groups form)",
    },
    "rounds_small": {
        "uk": "раундів має бути щонайменше 1, а не {rounds}",
        "en": "rounds must be at least 1, got {rounds}",
    },
    "scenario_twice": {
        "uk": "сценарій {id} названо двічі; назвіть кожен сценарій один раз",
        "en": "scenario {id} is listed twice; give each scenario once",
    },
    "too_few_scenarios": {
        "uk": "на {rounds} раундів потрібно щонайменше {rounds} різних сценаріїв, щоб жодна "
        "група не грала того самого двічі, а їх {have}; додайте ще {more} або проведіть не "
        "більше {have} раундів",
        "en": "{rounds} rounds need at least {rounds} different scenarios so that no group "
        "plays one twice, but there are {have}; add {more} more or use at most {have} rounds",
    },
    "group_number_twice": {
        "uk": "номер групи {number} використано двічі; пронумеруйте групи 1, 2, 3…",
        "en": "group number {number} is used twice; number the groups 1, 2, 3…",
    },
    "group_too_small": {
        "uk": "у групі {number} учасників: {size}, а ролям {roles} потрібно {need} гравців; "
        "об’єднайте її з іншою групою або візьміть менше ролей",
        "en": "group {number} has {size} member(s) but the roles {roles} need {need} players; "
        "merge it with another group or use fewer roles",
    },
    "in_two_groups": {
        "uk": "«{id}» є і в групі {first}, і в групі {second}",
        "en": "'{id}' is in group {first} and in group {second}",
    },
    "bad_yaml": {
        "uk": "{problem}; перевірте відступи",
        "en": "{problem}; check indentation",
    },
    "not_yaml": {"uk": "це не коректний YAML", "en": "not valid YAML"},
    "expected_list": {
        "uk": "очікувався список: 'scenarios: [{{id: ..., title: {{uk: ..., en: ...}}}}]'",
        "en": "expected a list: 'scenarios: [{{id: ..., title: {{uk: ..., en: ...}}}}]'",
    },
    "no_id_column": {
        "uk": "немає стовпця «id» (стовпці: {columns})",
        "en": "no 'id' column (columns: {columns})",
    },
    "scenarios_unreadable": {
        "uk": "не вдається прочитати файл сценаріїв {path}: {error}; збережіть його в UTF-8",
        "en": "cannot read scenarios file {path}: {error}; save it as UTF-8",
    },
    "scenario_no_id": {
        "uk": "сценарій {number} не має ідентифікатора; дайте йому короткий ідентифікатор",
        "en": "scenario {number} has no id; give it a short id",
    },
    "scenario_bad_title": {
        "uk": "сценарій {number}: назва має бути текстом або {{uk: ..., en: ...}}",
        "en": "scenario {number}: title must be text or {{uk: ..., en: ...}}",
    },
    "scenario_duplicate": {
        "uk": "«{id}» повторює {where}; ідентифікатори мають бути різними",
        "en": "'{id}' is a duplicate of the {where}; ids must differ",
    },
    "where_line": {"uk": "сценарій у рядку {line}", "en": "one on line {line}"},
    "where_earlier": {"uk": "один із попередніх", "en": "earlier one"},
    "no_scenarios": {
        "uk": "{path}: сценаріїв немає; додайте хоча б один",
        "en": "{path}: no scenarios; add at least one",
    },
    # groupsession, groupcards
    "out_folder": {
        "uk": "не вдається створити теку {out}: {reason}. Перевірте шлях і права на запис.",
        "en": "cannot create the output folder {out}: {reason}. Check the path and that it is "
        "writable.",
    },
    "size_xor_count": {
        "uk": "вкажіть рівно одне: --size K або --count N",
        "en": "give exactly one of --size K or --count N",
    },
    "lang": {
        "uk": "мова {value} не підтримується; виберіть одну з таких: {choices}",
        "en": "language {value} is not supported; use one of {choices}",
    },
    "per_page": {
        "uk": "per_page має бути щонайменше 1, а не {per_page}",
        "en": "per_page must be at least 1, got {per_page}",
    },
}
