"""Reference data per language: names, numerals, months, bodies, and the fast
word-list patterns built from them."""
