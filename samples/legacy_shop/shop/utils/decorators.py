# -*- coding: utf-8 -*-
import functools
import time

from flask import abort, g, request
from flask_login import current_user

from shop.extensions import cache


def admin_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated or not current_user.is_admin:
            abort(403)
        return view(*args, **kwargs)
    return wrapper


def staff_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        user = getattr(g, 'user', None)
        if user is None or not (user.is_staff or user.is_admin):
            abort(403)
        return view(*args, **kwargs)
    return wrapper


def rate_limited(limit, per=60, scope='ip'):
    """Fixed window rate limit kept in Redis."""
    def decorator(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            who = request.remote_addr if scope == 'ip' else unicode(current_user.get_id())
            window = int(time.time()) / per
            key = 'rl:%s:%s:%s' % (view.__name__, who, window)
            try:
                hits = cache.incr(key)
                if hits == 1:
                    cache.expire(key, per)
            except Exception:
                hits = 0  # never block customers because redis is down
            if hits > limit:
                abort(429)
            return view(*args, **kwargs)
        return wrapper
    return decorator
