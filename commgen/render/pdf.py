"""Convert a Word document to PDF with LibreOffice, when it is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from commgen.foundation.errors import PdfError
from commgen.foundation.i18n import _

_CANDIDATES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((c for c in _CANDIDATES if os.path.exists(c)), None)


def require_soffice() -> str:
    """LibreOffice's program, or a clear error that says what to do instead."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(_("LibreOffice is not installed, so no PDF can be made. Install it "
                             "from libreoffice.org, or open the .docx in Word and save it as "
                             "PDF."))
    return soffice


def pdf_bytes(documents: list[Path], timeout: int = 300) -> dict[Path, bytes]:
    """Convert documents to PDF in one LibreOffice run, in a private folder; return the bytes.

    The PDFs are not written here: the caller writes them like any document (atomically,
    never over an existing file).
    """
    soffice = require_soffice()
    with tempfile.TemporaryDirectory(prefix="commgen-lo-") as work:
        # A profile of its own, so a LibreOffice window the user has open does not interfere.
        profile, outdir = Path(work) / "profile", Path(work) / "out"
        command = [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}",
                   "--convert-to", "pdf", "--outdir", str(outdir),
                   *(str(d) for d in documents)]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise PdfError(_("LibreOffice could not convert {path} to PDF ({detail}).").format(
                path=documents[0], detail=type(exc).__name__)) from None
        result: dict[Path, bytes] = {}
        for document in documents:
            pdf = outdir / (document.stem + ".pdf")
            if not pdf.is_file():
                raise PdfError(_("LibreOffice could not convert {path} to PDF ({detail})."
                                     ).format(path=document, detail="no output"))
            result[document] = pdf.read_bytes()
    return result
