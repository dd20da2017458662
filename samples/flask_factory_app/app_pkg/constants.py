"""URL fragments shared by several modules."""

API_PREFIX = '/api/v1'
REPORTS_PREFIX = '/reports'
DEFAULT_PAGE_SIZE = 20
