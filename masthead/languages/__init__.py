"""Publishing in several languages: which languages the paper publishes in, the language of
each reader page (from its address, never from the browser), language-prefixed addresses,
translations linked as a group, hreflang alternates and the language switcher."""
