"""The build driver (driver.py: is there anything to do; stages.py: the stages in order,
then one atomic publish), the site stage (site_stage.py), the publish (publish.py) and a
second process for work that can run beside the site (background.py)."""
from build_tools.build.driver import build
from build_tools.outputs.site.errors import SiteBuildError

__all__ = ["build", "SiteBuildError"]
