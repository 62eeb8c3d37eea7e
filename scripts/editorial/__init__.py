"""Tools for editors: scaffold a new article, check content before it is built."""
