"""PDF documents: the shared toolkit (``pdf``) and the documents built on it."""
