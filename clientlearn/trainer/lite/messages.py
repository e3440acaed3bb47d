"""The uk/en messages of the JupyterLite edition's build and server."""

from __future__ import annotations

from typing import Any

from clientlearn.core.i18n import translate

__all__ = ["MESSAGES", "msg"]

MESSAGES: dict[str, dict[str, str]] = {
    "no_tool": {
        "uk": "Для збирання сайту потрібна програма «{tool}», її не знайдено. Установіть її "
        "({how}) і запустіть команду ще раз.",
        "en": "Building the site needs “{tool}”, which was not found. Install it ({how}) and "
        "run the command again.",
    },
    "tool_failed": {
        "uk": "Команда «{command}» завершилася з помилкою (код {code}):\n{output}\nПеревірте "
        "доступ до реєстру пакетів або покладіть потрібний файл у {cache}.",
        "en": "“{command}” failed (exit code {code}):\n{output}\nCheck that the package "
        "registry is reachable, or put the file it needs into {cache}.",
    },
    "what_extension": {"uk": "розширення JupyterLab", "en": "JupyterLab extension"},
    "what_package": {"uk": "пакет Python", "en": "Python package"},
    "what_wheel": {"uk": "пакет wheel", "en": "wheel"},
    "missing_file": {
        "uk": "{path}: бракує файлу, потрібного сайтові ({what}). {todo}",
        "en": "{path}: a file the site needs is missing ({what}). {todo}",
    },
    "todo_reinstall": {
        "uk": "Перевстановіть пакети середовища: .venv/bin/pip install -e '.[dev]'.",
        "en": "Reinstall the environment's packages: .venv/bin/pip install -e '.[dev]'.",
    },
    "todo_clear_cache": {
        "uk": "Видаліть теку {cache} і зберіть сайт ще раз: файл завантажиться знову.",
        "en": "Delete the folder {cache} and build the site again: the file is fetched anew.",
    },
    "bad_digest": {
        "uk": "{path}: контрольна сума SHA-256 не та, що очікувалася ({expected}). Видаліть "
        "файл і зберіть сайт ще раз.",
        "en": "{path}: its SHA-256 checksum is not the expected one ({expected}). Delete the "
        "file and build the site again.",
    },
    "no_release": {
        "uk": "{folder}: модуль не видано, у ньому немає зошитів. Запустіть clientlearn "
        "release {module} у теці курсу.",
        "en": "{folder}: the module is not released, it holds no notebooks. Run clientlearn "
        "release {module} in the course folder.",
    },
    "out_not_site": {
        "uk": "{folder}: тека не порожня і не схожа на зібраний сайт; виберіть іншу теку --out "
        "(вміст цієї теки не буде стерто).",
        "en": "{folder}: the folder is not empty and is not a built site; choose another "
        "--out folder (this folder's contents are not deleted).",
    },
    "not_a_site": {
        "uk": "{folder}: тут немає зібраного сайту (бракує {file}). Спершу: clientlearn lite "
        "build --out {folder}.",
        "en": "{folder}: no built site here ({file} is missing). First: clientlearn lite "
        "build --out {folder}.",
    },
    "cannot_listen": {
        "uk": "Не вдалося відкрити {host}:{port}: {error}. Виберіть інший порт: --port 8001.",
        "en": "Cannot listen on {host}:{port}: {error}. Choose another port: --port 8001.",
    },
    "lite_failed": {
        "uk": "Збирання JupyterLite завершилося з помилкою (код {code}). Останні рядки:\n{output}",
        "en": "The JupyterLite build failed (exit code {code}). Its last lines:\n{output}",
    },
    "step_pyodide": {
        "uk": "Pyodide {version} (пакет npm): {path}",
        "en": "Pyodide {version} (npm package): {path}",
    },
    "step_wheels": {
        "uk": "Пакети Python для ядра в браузері: {n}",
        "en": "Python packages for the browser's kernel: {n}",
    },
    "step_release": {
        "uk": "Видання модуля {module}",
        "en": "Releasing {module}",
    },
    "step_lite": {
        "uk": "Збирання сайту JupyterLite у {out}",
        "en": "Building the JupyterLite site in {out}",
    },
}


def msg(key: str, lang: str, **kw: Any) -> str:
    return translate(MESSAGES, key, lang, **kw)
