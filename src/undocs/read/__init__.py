"""Reading: a document's file -> a Record (front matter, masthead, citations, symbols)."""
