REPORTS_PREFIX = "/reports"
STATIC_DIR = "static"
