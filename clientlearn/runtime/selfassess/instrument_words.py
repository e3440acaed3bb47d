"""What ``clientlearn selfassess check`` says about an instrument file beyond its schema
(:mod:`clientlearn.core.yamlwords`), in Ukrainian and English, after ``FILE:LINE: FIELD:``.

The English texts are the ones authors and tests have always read.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "not_an_instrument": {
        "uk": "інструмент — це відображення з полями {fields} та іншими "
        "(див. schema/instrument.schema.json)",
        "en": "an instrument is a mapping with {fields} and the rest "
        "(see schema/instrument.schema.json)",
    },
    "id_twice": {"uk": "ідентифікатор «{oid}» трапляється двічі", "en": "id {oid!r} appears twice"},
    "min_above_max": {"uk": "min більше за max", "en": "min is above max"},
    "first_band": {
        "uk": "перший діапазон має починатися з {lo}",
        "en": "the first band must start at {lo}",
    },
    "band_gap": {
        "uk": "має бути {want}, одразу після max попереднього діапазону, щоб жоден бал між "
        "ними не лишився без діапазону",
        "en": "must be {want}, just above the previous band's max, so that no score between "
        "them is left without a band",
    },
    "last_band": {
        "uk": "останній діапазон має закінчуватися на {hi}",
        "en": "the last band must end at {hi}",
    },
    "scale_max": {"uk": "max має бути більше за min", "en": "max must be above min"},
    "labels_per_point": {
        "uk": "дайте по одній назві на кожну точку шкали: {points}, а не {given}",
        "en": "give one label per point: {points}, not {given}",
    },
    "not_a_dimension": {
        "uk": "не належить до вимірів {dims}",
        "en": "not one of the dimensions {dims}",
    },
    "add_short": {
        "uk": "додайте {short} — назву твердження на діаграмах",
        "en": "add {short}, the item's label in charts",
    },
    "empty_dimension": {
        "uk": "жодне твердження не належить до цього виміру",
        "en": "no item belongs to this dimension",
    },
    "modes_need_axes": {
        "uk": "інструментові виду {modes} потрібні {axes}",
        "en": "an instrument of kind {modes} needs {axes}",
    },
    "place_on_axes": {
        "uk": "укажіть місце на кожній осі {axes}",
        "en": "give a place on each axis {axes}",
    },
    "phases_for_confidence": {
        "uk": "етапи (phases) задають саме для виду {confidence}",
        "en": "phases are given exactly for kind {confidence}",
    },
    "unknown_instrument": {
        "uk": "інструмента «{name}» немає: укажіть один з {builtin} або шлях до файлу YAML",
        "en": "no instrument {name!r}: give one of {builtin} or a YAML file's path",
    },
    "apostrophe": {
        "uk": "пишіть апостроф як ’ (U+2019), як у всіх текстах курсу",
        "en": "write the apostrophe as ’ (U+2019), as in all course text",
    },
}
