"""Convert a Word document to PDF with LibreOffice, when it is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from commgen.errors import CommgenError
from commgen.i18n import _

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


def convert_to_pdf(document: Path, timeout: int = 180) -> Path:
    """Write ``document`` as PDF beside it; a clear error when LibreOffice is missing."""
    soffice = find_soffice()
    if soffice is None:
        raise CommgenError(_("LibreOffice is not installed, so no PDF can be made. Install it "
                             "from libreoffice.org, or open the .docx in Word and save it as "
                             "PDF."))
    with tempfile.TemporaryDirectory(prefix="commgen-lo-") as profile:
        # A profile of its own, so a LibreOffice window the user has open does not interfere.
        command = [soffice, "--headless", f"-env:UserInstallation={Path(profile).as_uri()}",
                   "--convert-to", "pdf", "--outdir", str(document.parent), str(document)]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise CommgenError(_("LibreOffice could not convert {path} to PDF ({detail}).").format(
                path=document, detail=type(exc).__name__)) from None
    pdf = document.with_suffix(".pdf")
    if not pdf.is_file():
        raise CommgenError(_("LibreOffice could not convert {path} to PDF ({detail}).").format(
            path=document, detail="no output"))
    return pdf
