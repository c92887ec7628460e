from django.dispatch import Signal

# Sent with ``article_ids`` (a set) whenever what readers see of those stories' comments changes:
# a comment published at once, approved, hidden again or edited. A page cache connects here to
# drop the story pages and lists that show them (there is no page cache yet).
comments_changed = Signal()
