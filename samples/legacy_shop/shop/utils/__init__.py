# -*- coding: utf-8 -*-
"""Small helpers shared by every package.  Keep this free of model imports
at module level -- models import nothing from here, services import both."""
import sys
import urlparse
from decimal import Decimal, ROUND_HALF_UP

from flask import jsonify, request, url_for

MAX_PAGE = sys.maxint
CURRENCY_SYMBOLS = {'EUR': u'€', 'GBP': u'£', 'USD': u'$', 'CHF': u'CHF '}


def to_unicode(value, encoding='utf-8'):
    if value is None:
        return u''
    if isinstance(value, unicode):
        return value
    if isinstance(value, basestring):
        return value.decode(encoding, 'replace')
    return unicode(value)


def normalize_email(email):
    return to_unicode(email).strip().lower()


def format_money(cents, currency='EUR'):
    amount = (Decimal(cents or 0) / 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)
    symbol = CURRENCY_SYMBOLS.get(currency, currency + u' ')
    return u'%s%s' % (symbol, amount)


def safe_next_url(target, fallback='index'):
    """Only allow redirects back to our own host."""
    if not target:
        return url_for(fallback)
    ref = urlparse.urlparse(request.host_url)
    test = urlparse.urlparse(urlparse.urljoin(request.host_url, target))
    if test.scheme in ('http', 'https') and ref.netloc == test.netloc:
        return target
    return url_for(fallback)


def parse_page(value, default=1):
    try:
        page = int(value)
    except (TypeError, ValueError):
        return default
    return max(1, min(page, MAX_PAGE))


def paginate(query, page, per_page):
    total = query.count()
    items = query.offset((page - 1) * per_page).limit(per_page).all()
    pages = (total + per_page - 1) / per_page
    return {'items': items, 'page': page, 'pages': pages, 'total': total,
            'has_next': page < pages, 'has_prev': page > 1}


def json_error(message, status=400, **extra):
    payload = {'error': message}
    payload.update(extra)
    response = jsonify(payload)
    response.status_code = status
    return response
