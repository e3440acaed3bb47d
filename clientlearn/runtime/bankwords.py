"""What ``clientlearn bank check`` and a loading bank say about a question bank, in
Ukrainian and English: the checks the schema cannot express (:mod:`.bankchecks`), the
path-scoring rules of scenarios (:mod:`.scenariopaths`) and reading the file
(:mod:`.bank`).  Each is printed after ``FILE:LINE: FIELD:``.

The English texts are the ones authors and tests have always read.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # Reading the file (its encoding and syntax: core/yamlwords.py).
    "not_a_bank": {
        "uk": "банк — це відображення з полями 'bank' і 'questions'",
        "en": "a bank is a mapping with 'bank' and 'questions'",
    },
    "unknown_question": {
        "uk": "питання «{qid}» немає{where}; відомі ідентифікатори: {known}",
        "en": "no question {qid!r}{where}; known ids: {known}",
    },
    "in_file": {"uk": " у {path}", "en": " in {path}"},
    # Questions.
    "id_used": {
        "uk": "ідентифікатор «{qid}» уже має питання {n}",
        "en": "id {qid!r} is already used by question {n}",
    },
    "points_positive": {
        "uk": "бали мають бути додатним числом, а не {points}",
        "en": "points must be positive, not {points}",
    },
    "id_twice": {
        "uk": "ідентифікатор «{oid}» трапляється двічі",
        "en": "id {oid!r} appears twice",
    },
    "public_key": {
        "uk": "у банку для учасників не може бути ключа оцінюваного питання",
        "en": "a public bank must not hold a graded key",
    },
    "no_key": {
        "uk": "немає ключа: додайте 'key' (у сценарії — оцінку (score) кожному фіналові та, "
        "якщо оцінюють шлях, якість (quality) кожному вибору)",
        "en": "no key: add 'key' (in a scenario: a score on every ending and, "
        "under path scoring, a quality on every choice)",
    },
    # Keys.
    "key_not_option": {
        "uk": "ключа «{option}» немає серед варіантів {options}",
        "en": "key {option!r} is not among the options {options}",
    },
    "key_twice": {
        "uk": "ключ двічі називає той самий варіант",
        "en": "the key names an option twice",
    },
    "order_misses": {
        "uk": "ключ упорядкування пропускає елементи {items}",
        "en": "the ordering key misses items {items}",
    },
    "order_repeats": {
        "uk": "ключ упорядкування повторює елементи {items}",
        "en": "the ordering key repeats items {items}",
    },
    "order_unknown": {
        "uk": "ключ упорядкування називає невідомі елементи {items}",
        "en": "the ordering key names unknown items {items}",
    },
    "not_an_item": {
        "uk": "«{item}» немає серед елементів",
        "en": "{item!r} is not among the items",
    },
    "not_a_bin": {
        "uk": "групи «{bin}» немає серед {bins}",
        "en": "bin {bin!r} is not among {bins}",
    },
    "unplaced": {
        "uk": "ключ не розміщує елементи {items}",
        "en": "the key does not place items {items}",
    },
    # Scenarios.
    "start_not_node": {
        "uk": "початок «{start}» — не вузол сценарію",
        "en": "start {start!r} is not a node",
    },
    "node_and_ending": {
        "uk": "«{node}» — водночас і вузол, і фінал",
        "en": "{node!r} is both a node and an ending",
    },
    "next_nowhere": {
        "uk": "«{next}» — ні вузол, ні фінал",
        "en": "{next!r} is neither a node nor an ending",
    },
    "quality_unused": {
        "uk": "якість (quality) задано, але цей сценарій оцінюють лише за фіналом "
        "(scoring: ending); вилучіть її або виберіть scoring: path",
        "en": "a quality is given but this scenario is scored by its ending alone "
        "(scoring: ending); remove it, or choose scoring: path",
    },
    "ending_no_score": {
        "uk": "цей фінал не має оцінки (score, від 0 до 1)",
        "en": "this ending has no score (0..1)",
    },
    "choice_no_quality": {
        "uk": "вибір «{choice}» не має якості (quality): коли оцінюють шлях, вона потрібна "
        "кожному виборові (1 — правильний, 0,5 — слабкий, але поправний, 0 — шкідливий)",
        "en": "choice {choice!r} has no quality: under path scoring each choice needs one "
        "(1 right, 0.5 poor but recoverable, 0 harmful)",
    },
    "loop": {
        "uk": "вибори зациклюються ({loop}): коли оцінюють шлях, кожен шлях має дійти до фіналу",
        "en": "the choices loop ({loop}): under path scoring every path must move on to an ending",
    },
    "no_ending_reachable": {
        "uk": "з «{node}» не можна дійти до жодного фіналу",
        "en": "from {node!r} no ending is reachable",
    },
    "scenario_loop": {
        "uk": "сценарій «{qid}» зациклюється; його шляхи не закінчуються",
        "en": "scenario {qid!r} has a loop; its paths never end",
    },
    # The path-scoring rules (a) and (b) of README's scenario section.
    "no_path_scores_1": {
        "uk": "жоден шлях не дає 1 (найкращий, {path}, дає {best}): дайте кожному виборові "
        "на правильному шляху якість 1, а його фіналові — оцінку 1",
        "en": "no path scores 1 (the best, {path}, scores {best}): give every choice on the "
        "right path quality 1 and its ending score 1",
    },
    "poorer_move_leaves_more": {
        "uk": "у «{node}» вибір «{worse}» (якість {worse_quality}) лишає досяжною {what} "
        "оцінку {poor}, не меншу за {good} після «{better}» (якість {better_quality}); "
        "слабший хід має лишати досяжним менше: знизьте його якість або оцінки, яких ще "
        "можна досягти після нього",
        "en": "at {node!r}, {worse!r} (quality {worse_quality}) leaves a {what} score of "
        "{poor} within reach, not less than {good} after {better!r} (quality "
        "{better_quality}); a poorer move must leave less within reach: lower its quality "
        "or the scores it can still reach",
    },
    "best": {"uk": "найкращу", "en": "best"},
    "mean": {"uk": "середню", "en": "mean"},
}
