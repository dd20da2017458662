"""Reports, registered in a loop over a literal list."""
from app_pkg.blueprints import reports


def daily():
    return {'period': 'day'}


def weekly():
    return {'period': 'week'}


def monthly():
    return {'period': 'month'}


for rule, view in [('/daily', daily), ('/weekly', weekly), ('/monthly', monthly)]:
    reports.add_url_rule(rule, view_func=view)
