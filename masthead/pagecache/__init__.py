"""The page cache for anonymous readers, and the HTTP caching headers of reader pages.

See docs/caching.md. Views say what a page shows with :func:`depends`; saving what a page
shows bumps the version of that dependency (:func:`bump`), and a stored page is served only
while every version it was stored with is still current.
"""
