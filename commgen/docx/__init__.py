"""Word packages: the one reader of a .docx, OOXML names, properties and cleaning."""
