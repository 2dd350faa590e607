"""A shareable copy of an answers file (``commgen share``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from commgen.answers.answersfile import ACCEPTED_KEY, HISTORY_KEY, dump_answers, load_answers
from commgen.answers.history import history_yaml
from commgen.answers.partial import read_meta
from commgen.app.answercheck import check_answers
from commgen.foundation.files import write_atomic
from commgen.foundation.i18n import _, current_language
from commgen.foundation.textclean import for_terminal
from commgen.questions.catalog import Catalog, text_for


def share_answers(catalog: Catalog, answers_path: Path, target: Path) -> list[str]:
    """Write the shareable copy to ``target``; or write nothing and return the open findings,
    one line each (a guarded name shows as •••)."""
    answers = load_answers(answers_path, catalog)
    accepted = read_meta(answers_path)[ACCEPTED_KEY]
    found = check_answers(catalog, answers.values, accepted)
    lang = current_language()
    if found:
        return [for_terminal(f"{text_for(item.question.prompt, lang)}: [{item.finding.category}]"
                             f" “{item.finding.text}”") for item in found]
    stamp = dt.datetime.now().strftime("%d-%m-%Y %H:%M")
    header = [_("commgen answers, a copy to share, made {when} from {name}.").format(
        when=stamp, name=answers_path.name),
        _("It holds no names of pupils (only codes that cannot be undone without the key on "
          "the computer where they were typed) and no unfinished text.")]
    answered = {q.id: answers.values.get(q.id) for q in catalog.questions
                if answers.values.get(q.id) is not None}
    for question in catalog.questions:  # no home folder of the sender in the copy
        if question.type == "image" and isinstance(answered.get(question.id), Path):
            answered[question.id] = _relative(answered[question.id], target.parent)
    text = dump_answers(catalog, answered, header, {  # the history has roles, never names
        ACCEPTED_KEY: dict(accepted), HISTORY_KEY: history_yaml(answers.history)})
    write_atomic(target, text.encode("utf-8"), private=True)
    return []


def _relative(path: Path, folder: Path) -> Path:
    """The image as the receiver finds it next to the copy: relative when it lies below the
    copy's folder, else its name alone."""
    try:
        return path.resolve().relative_to(folder.resolve())
    except ValueError:
        return Path(path.name)

