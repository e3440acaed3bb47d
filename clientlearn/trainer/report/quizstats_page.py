"""The report's part on quiz statistics (:mod:`.quizstats`, :mod:`.responses`) as HTML:
the modules' test statistics side by side, an item table per module, the response and
distractor analysis of choice questions, every scenario path's frequency, and a glossary
of the measures.  Every text goes through the report's escaping parts."""

from __future__ import annotations

from .htmlparts import heading, html_table, num, para, pct
from .quizstats import ItemNumbers, ModuleNumbers, ModuleQuiz
from .quizstats_words import GLOSSARY, gloss, qword
from .responses import OptionAnalysis, QuizReport
from .scenarios import ScenarioPaths

__all__ = ["DUBIOUS_BELOW", "dubious", "percent", "quizstats_html"]

DUBIOUS_BELOW = 15.0
"""Moodle's statistics table marks an item whose discriminative efficiency is below 15 %
(``quiz_statistics_table::is_dubious_question``)."""


def percent(value: float | None, lang: str, digits: int = 1) -> str:
    """A number already in per cent, as people write it; "—" for none."""
    return "—" if value is None else num(value, lang, digits) + "%"


def _of_max(value: float | None, top: float, lang: str) -> str:
    """Points as Moodle shows them (a percentage of the maximum), the points beside."""
    if value is None:
        return "—"
    share = percent(100 * value / top if top else None, lang)
    return qword(lang, "qs_points", pct=share, points=num(value, lang, 2))


def _test_rows(quizzes: tuple[ModuleQuiz, ...], lang: str) -> list[list[str]]:
    def row(key: str, values: list[object]) -> list[str]:
        return [qword(lang, key), *(str(v) for v in values)]

    tests: list[ModuleNumbers] = [m.test for m in quizzes]
    return [
        row("qs_n", [t.n for t in tests]),
        row("qs_items", [t.items for t in tests]),
        row("qs_max", [num(t.max_score, lang) for t in tests]),
        row("qs_mean", [_of_max(t.mean, t.max_score, lang) for t in tests]),
        row("qs_median", [_of_max(t.median, t.max_score, lang) for t in tests]),
        row("qs_sd", [_of_max(t.sd, t.max_score, lang) for t in tests]),
        row("qs_skewness", [num(t.skewness, lang, 3) for t in tests]),
        row("qs_kurtosis", [num(t.kurtosis, lang, 3) for t in tests]),
        row("qs_cic", [percent(t.cic, lang) for t in tests]),
        row("qs_er", [percent(t.error_ratio, lang) for t in tests]),
        row("qs_se", [_of_max(t.standard_error, t.max_score, lang) for t in tests]),
    ]


def _hundred(share: float | None) -> float | None:
    return None if share is None else 100 * share


def dubious(item: ItemNumbers, alpha: float | None) -> bool:
    """Whether an item deserves a second look: Moodle's dubious discriminative efficiency,
    or a module whose alpha would be higher without it."""
    low = item.efficiency is not None and item.efficiency < DUBIOUS_BELOW
    deleted = item.alpha_if_deleted
    return low or (alpha is not None and deleted is not None and deleted > alpha)


def _items(m: ModuleQuiz, lang: str) -> str:
    head = ["№", *(qword(lang, k) for k in ("qs_item", "qs_facility", "qs_item_sd", "qs_guess"))]
    head += [qword(lang, k) for k in ("qs_intended", "qs_effective", "qs_disc", "qs_eff")]
    head.append(qword(lang, "qs_alpha_del"))
    alpha = None if m.test.cic is None else m.test.cic / 100
    rows, marked = [], set()
    for n, item in enumerate(m.items, start=1):
        x = item.numbers
        sd = None if x.sd is None else 100 * x.sd / item.points
        weight = percent(x.effective_weight, lang)
        if x.negative_covariance:
            weight = qword(lang, "qs_negcov")
        rows.append([
            n, item.title, percent(_hundred(x.facility), lang), percent(sd, lang),
            percent(_hundred(item.guess), lang),
            percent(x.intended_weight, lang), weight, percent(x.discrimination, lang),
            percent(x.efficiency, lang), num(x.alpha_if_deleted, lang, 3),
        ])  # fmt: skip
        if dubious(x, alpha):
            marked.add(n - 1)
    return heading(4, qword(lang, "qs_items_head", module=m.title)) + html_table(
        head, rows, align="rlrrrrrrrr", marked=marked
    )


def _options(found: OptionAnalysis, lang: str) -> str:
    head = [qword(lang, k) for k in ("qs_option", "qs_right", "qs_credit", "qs_chose")]
    head += [qword(lang, k) for k in ("qs_upper", "qs_lower", "qs_diff")]
    rows, marked = [], set()
    for i, r in enumerate(found.rows):
        upper = r.upper / found.n_upper if found.n_upper else None
        lower = r.lower / found.n_lower if found.n_lower else None
        diff = None if upper is None or lower is None else 100 * (upper - lower)
        text = r.text or qword(lang, "qs_no_answer")
        share = r.count / found.n if found.n else None
        rows.append([
            text, "✓" if r.right else "", percent(100 * r.credit, lang, 0) if r.text else "—",
            f"{r.count} ({pct(share, lang)})", pct(upper, lang), pct(lower, lang),
            num(diff, lang, 0, sign=bool(diff)),
        ])  # fmt: skip
        if r.text and diff is not None and (diff < 0 if r.right else diff > 0 and r.count):
            marked.add(i)
    groups = qword(
        lang, "qs_groups", answered=found.answered, n=found.n,
        upper=found.n_upper, lower=found.n_lower,
    )  # fmt: skip
    return (
        heading(5, found.title)
        + para(groups, "sub")
        + html_table(head, rows, align="llrrrrr", marked=marked)
    )


def _paths(found: ScenarioPaths, lang: str) -> str:
    head = [qword(lang, k) for k in ("qs_path", "qs_chose", "qs_share", "qs_score")]
    rows = [
        [" → ".join(p.steps) + ("" if p.finished else " …"), p.count,
         pct(p.count / found.n, lang), pct(p.score, lang)]
        for p in found.paths
    ]  # fmt: skip
    return heading(5, found.title) + html_table(head, rows, align="lrrr")


def _glossary(lang: str) -> str:
    terms = {"qs_item_sd": "qs_item_sd_term", "qs_upper": "qs_groups_term"}  # else the column's
    rows = [[qword(lang, terms.get(key, key)), gloss(lang, key)] for key in GLOSSARY]
    head = [qword(lang, "qs_measure"), qword(lang, "qs_meaning")]
    return heading(4, qword(lang, "qs_glossary")) + html_table(head, rows, align="ll")


def _intro(key: str, lang: str) -> str:
    return para(qword(lang, key), "intro")


def quizstats_html(quiz: QuizReport | None, lang: str) -> str:
    """The quiz statistics part of the report (empty without any item to count)."""
    out = [heading(3, qword(lang, "qs_head")), para(qword(lang, "qs_intro"), "intro")]
    if quiz is None or not any(m.items for m in quiz.modules):
        return "".join([*out, para(qword(lang, "qs_none"))])
    shown = tuple(m for m in quiz.modules if m.items)
    head = [qword(lang, "qs_measure"), *(m.title for m in shown)]
    out += [heading(4, qword(lang, "qs_test")), html_table(head, _test_rows(shown, lang))]
    out += [
        para(qword(lang, "qs_left_out", module=m.title, titles="; ".join(m.left_out)))
        for m in quiz.modules
        if m.left_out
    ]
    out.append(para(qword(lang, "qs_items_intro", eff=num(DUBIOUS_BELOW, lang, 0)), "intro"))
    out += [_items(m, lang) for m in shown]
    if quiz.options:
        out += [heading(4, qword(lang, "qs_options_head")), _intro("qs_options_intro", lang)]
        out += [_options(found, lang) for found in quiz.options]
    if quiz.paths:
        out += [heading(4, qword(lang, "qs_paths_head")), _intro("qs_paths_intro", lang)]
        out += [_paths(found, lang) for found in quiz.paths]
    return "".join([*out, _glossary(lang)])
