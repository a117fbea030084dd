"""newsfacts: turn a folder of news articles into a queryable SQLite fact database."""
