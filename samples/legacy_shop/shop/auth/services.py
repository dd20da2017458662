# -*- coding: utf-8 -*-
import datetime
import logging

from werkzeug.security import generate_password_hash

from shop.extensions import db
from shop.models import AuditLog, User
from shop.users import services as user_services
from shop.utils import normalize_email, to_unicode

log = logging.getLogger(__name__)

MAX_FAILED_LOGINS = 5
LOCKOUT = datetime.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8


class AuthError(Exception):
    pass


def authenticate(email, password):
    user = User.query.filter_by(email=normalize_email(email)).first()
    if user is None or not user.active:
        raise AuthError(u'Unknown e-mail address or wrong password.')
    now = datetime.datetime.utcnow()
    if user.locked_until and user.locked_until > now:
        raise AuthError, u'Too many failed attempts, try again later.'
    if not user.check_password(password):
        user.failed_logins = (user.failed_logins or 0) + 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            AuditLog.record(user.id, 'locked', 'after %d failures' % user.failed_logins)
        db.session.commit()
        raise AuthError(u'Unknown e-mail address or wrong password.')
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    AuditLog.record(user.id, 'login')
    db.session.commit()
    return user


def validate_password(password):
    if len(password or '') < MIN_PASSWORD_LENGTH:
        raise AuthError(u'Password must have at least %d characters.' % MIN_PASSWORD_LENGTH)
    if password.isdigit() or password.isalpha():
        raise AuthError(u'Password must mix letters and digits.')


def register_user(email, password, full_name):
    email = normalize_email(email)
    if User.query.filter_by(email=email).count():
        raise AuthError(u'This e-mail address is already registered.')
    validate_password(password)
    user = User(email=email, password_hash=generate_password_hash(password),
                full_name=to_unicode(full_name).strip())
    db.session.add(user)
    db.session.flush()
    user_services.ensure_notification_defaults(user)
    AuditLog.record(user.id, 'register')
    db.session.commit()
    log.info('registered user %s', user.id)
    return user


def change_password(user, new_password, actor=None):
    validate_password(new_password)
    user.password_hash = generate_password_hash(new_password)
    user.failed_logins = 0
    user.locked_until = None
    AuditLog.record(user.id, 'password_changed', actor_id=actor.id if actor else None)
    db.session.commit()
