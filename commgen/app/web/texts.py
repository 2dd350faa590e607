"""The texts of the pages, in the language of the command line (English msgids, Dutch
default). Kept in Python so that the message extraction of ``tools/i18n.sh`` finds them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from commgen.foundation.i18n import _, ngettext


def category_label(category: str) -> str:
    """A finding's category in words (the check's names are English codes)."""
    labels = {
        "name": _("a name"), "group": _("a class or group"), "phone": _("a phone number"),
        "email": _("an e-mail address"), "address": _("an address"),
        "id-number": _("an identity number"), "birthdate": _("a date of birth"),
        "age": _("an age"), "handle": _("a user name"), "url": _("a web address"),
        "image-detail": _("details of the image"), "blame": _("blame"),
        "speculation": _("speculation"), "sensational": _("sensational wording"),
        "legal-term": _("a legal term"), "evidence": _("evidence"),
        "relation": _("a relative or a relationship"), "harmful": _("harmful wording"),
        "metadata": _("the document properties"),
        "revisions": _("tracked changes and comments"),
        "consistency": _("the documents do not agree"),
        # the kinds the check at a question gives (answercheck.by_kind)
        "sanction": _("a measure against a pupil"), "gender": _("the pupil's gender"),
        "repeat": _("said already"),
    }
    return labels.get(category, category)


GIVEN_KINDS = frozenset({"sanction", "gender", "relation", "repeat"})


def finding_label(finding: Any) -> str:
    """What a finding is about, in words, by its own kind: the rule or the check of the
    documents' agreement that found it (a sanction is a sanction, the pupil's gender or
    family is that, a sentence said twice is that), else by its category (the code the
    terminal's report prints in brackets)."""
    kinds = {
        "guarded-name": _("a pupil's name"),
        "sancties": _("a measure against a pupil"),
        "consistency-geslacht": _("the pupil's gender or family"),
        "consistency-herhaling": _("a sentence said twice"),
        "consistency-dubbel_woord": _("a word said twice"),
        "consistency-niet_zeggen": _("something we do not say"),
        "consistency-dezelfde": _("another contact person or update time"),
        "consistency-aanspreekvorm": _("the form of address (u or je)"),
        "consistency-schoolsoort": _("a word of the other school type"),
        "consistency-beweringen": _("a fact no answer gives"),
        "consistency-openbaar_nooit": _("what a public text never says"),
        "consistency-wacht_op_goedkeuring": _("a police fact not approved yet"),
        "consistency-tegenstrijdig": _("two sentences that contradict each other"),
    }
    if finding.category in GIVEN_KINDS:  # the kind given at the question wins (by_kind)
        return category_label(finding.category)
    return kinds.get(getattr(finding, "rule", "") or "", "") or category_label(finding.category)


def page_texts(answers: Path | None = None) -> dict[str, str]:
    """Every fixed text of the pages, by key; ``answers``: the answers file (absolute)."""
    return {
        "stopped": _("commgen has stopped, so this change was not saved; what was saved before "
                     "is kept. Start it again in a terminal with: commgen web --resume "
                     "\"{path}\"").format(path=answers or ""),
        "gone": _("commgen web has stopped. Your answers are saved in {path}. Start it again "
                  "in a terminal with: commgen web --resume \"{path}\"").format(
                      path=answers or ""),
        "app_title": _("commgen: the communication after an image of a pupil was shared"),
        "steps": _("Steps"),
        "skip": _("Skip to the content"),
        "step_of": _("Step {n} of {total}"),
        "previous": _("Previous step"),
        "next": _("Next step"),
        "to_preview": _("Check and make the documents"),
        "preview": _("Check and documents"),
        "saved_in": _("Your answers are saved after every change in {path}."),
        "saving": _("Saving…"),
        "going": _("Saving this step, then on…"),
        "written_in": _("Written in the folder {folder}"),
        "kept_apart": _("A name with (2) or a higher number: a file of that name was already "
                        "there (opened or changed in Word), so commgen left it as it was and "
                        "wrote the new version beside it. Earlier files: {names}."),
        "blocked_top": _("No document was made: the privacy check blocks {docs}. Fix the points "
                         "below (each links to its question), then make the documents again."),
        "saved": _("Saved"),
        "not_saved": _("Not saved: {message}"),
        "required": _("required"),
        "optional": _("optional"),
        "default": _("default: {value}"),
        "yes": _("yes"),
        "no": _("no"),
        "name": _("Name"),
        "role": _("Role (for example directeur, teamleider)"),
        "role_po": _("Role (for example directeur, intern begeleider, leerkracht)"),
        "role_vo": _("Role (for example rector, teamleider, mentor, zorgcoördinator)"),
        "names_help": _("Only so that commgen can keep these names out of every text. Type one "
                        "name per field (first and family name). What you type is not shown "
                        "and never sent back to this page. commgen does not save the names "
                        "readably: the answers file holds only an irreversible code (a keyed "
                        "hash) whose key stays on this computer, and no document ever holds "
                        "them."),
        "names_given": _("Already given: {names}. Names typed here are added to them."),
        "forget_names": _("Forget all names (then type the right ones again)"),
        "save": _("Save"),
        "blocked_list": _("To do before the documents can be made"),
        "in_documents": _("The check of the documents found this in this answer. Change the "
                          "answer, or keep it with a reason (recorded in the documents):"),
        "image_given": _("Saved: {name} (beside the answers file). Choose another file to "
                         "replace it."),
        "image_help": _("A PNG or JPEG file from this computer; commgen puts a copy beside the "
                        "answers file. It comes at the top of every letter. May stay empty."),
        "names_field": _("Name {n}"),
        "add_name": _("Another name"),
        "save_names": _("Save the names"),
        "paragraphs_help": _("One paragraph per block; leave an empty line between "
                             "paragraphs."),
        "finding_heading": _("The privacy check found a problem in this answer"),
        "take_suggestion": _("Take the suggestion: “{text}”"),
        "reason_label": _("Reason for keeping what is marked here (one reason for every passage "
                          "of this answer)"),
        "step_open": _("a required question is still open"),
        "keep": _("Keep with this reason"),
        "kept": _("Kept with the reason: {reason}"),
        "never_kept": _("A pupil's name is never kept: take the suggestion or write the "
                        "sentence anew."),
        "todo_one": ngettext("To do: {n} problem the privacy check found",
                             "To do: {n} problems the privacy check found", 1),
        "todo": ngettext("To do: {n} problem the privacy check found",
                         "To do: {n} problems the privacy check found", 2),
        "todo_here": _("({n} of them in this step)"),
        "waiting": _("The questions of this step depend on answers not given yet. Answer these "
                     "first; then the questions of this step appear here:"),
        "nothing_here": _("No question of this step applies to your answers. Go on to the next "
                          "step."),
        "answers_problems": _("The answers cannot be used yet:"),
        "go_to": _("go to the question"),
        "documents": _("The documents"),
        "not_needed": _("Not needed with these answers: {names}"),
        "blocked": _("Blocked by the privacy check: no document is written until this is "
                     "fixed."),
        "document_findings": _("What the privacy check found in this document"),
        "make_all": _("Make all documents"),
        "accept_help": _("What blocks the documents above is in a sentence of a document "
                         "itself, not in one of your answers. If you have read it and it is "
                         "right for this case, make the documents anyway with a reason; the "
                         "reason is recorded in the document properties (as commgen generate "
                         "--accept-findings does)."),
        "accept_label": _("Reason for making the documents anyway"),
        "accept_button": _("Make them anyway, with this reason"),
        "make_all_help": _("Writes every document at once into {folder} (all or nothing), as "
                           "commgen generate does."),
        "written": _("Written"),
        "download_zip": _("Download all as a zip file"),
        "download": _("Download"),
        "plain_texts": _("Plain texts"),
        "plain_send": _("To send to the parents ({channel})"),
        "plain_other": _("Other plain texts, not for {channel} (each says what it is for)"),
        "made_at": _("Made at {time}."),
        "copy_button": _("Copy"),
        "copied": _("Copied"),
        "page_images": _("Pages as images"),
        "page_images_missing": _("Page images need LibreOffice, which is not installed on "
                                 "this computer; the text preview above shows every word."),
        "back_to_preview": _("Back to the check"),
        "noscript": _("Without JavaScript your answers are saved with the buttons of each "
                      "step, and the check shows its findings after saving."),
        "appears_in": _("Appears in: {documents}"),
        "marked_text": _("Your text, with the passages the check marked"),
        "idle_warning_one": ngettext(
            "commgen web stops in {n} minute, because nothing was done in this page for a "
            "while. Your answers are saved. Click the button to go on working.",
            "commgen web stops in {n} minutes, because nothing was done in this page for a "
            "while. Your answers are saved. Click the button to go on working.", 1),
        "idle_warning": ngettext(
            "commgen web stops in {n} minute, because nothing was done in this page for a "
            "while. Your answers are saved. Click the button to go on working.",
            "commgen web stops in {n} minutes, because nothing was done in this page for a "
            "while. Your answers are saved. Click the button to go on working.", 2),
        "idle_stay": _("Go on working"),
        "way_back": _("Another browser or window, or the browser closed? Open the link that "
                      "commgen web shows in its window (the terminal) again: it works in every "
                      "browser on this computer as long as commgen web runs. Your answers are "
                      "saved after every change."),
    }
