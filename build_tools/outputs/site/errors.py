"""The error a site engine's run raises (its own module: the build imports it without
loading an engine)."""


class SiteBuildError(Exception):
    """The site engine refused the assembled sources (strict build, warnings)."""
