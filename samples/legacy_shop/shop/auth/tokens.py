# -*- coding: utf-8 -*-
import random
import string

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from shop.models import User

RESET_SALT = 'password-reset'
RESET_MAX_AGE = 2 * 60 * 60


class BadResetToken(Exception):
    pass


def _serializer():
    return URLSafeTimedSerializer(current_app.config['SECRET_KEY'], salt=RESET_SALT)


def make_reset_token(user):
    # The hash fragment invalidates the token as soon as the password changes.
    return _serializer().dumps({'uid': user.id, 'h': user.password_hash[-10:]})


def load_reset_token(token, max_age=RESET_MAX_AGE):
    try:
        data = _serializer().loads(token, max_age=max_age)
    except SignatureExpired, e:
        raise BadResetToken('expired (%s)' % e)
    except BadSignature:
        raise BadResetToken('invalid')
    user = User.query.get(data.get('uid'))
    if user is None or not user.password_hash.endswith(data.get('h', '')):
        raise BadResetToken('already used')
    return user


def random_code(length=6):
    """Numeric one-time code for SMS confirmation."""
    rng = random.SystemRandom()
    return ''.join(rng.choice(string.digits) for _ in xrange(length))
