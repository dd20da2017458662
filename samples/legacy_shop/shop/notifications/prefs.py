# -*- coding: utf-8 -*-
from shop.extensions import db
from shop.models import NotificationPref

DEFAULT_PREFS = {
    'email_orders': True,
    'email_newsletter': False,
    'sms_shipping': False,
}
EDITABLE = DEFAULT_PREFS.keys()


def prefs_for(user):
    prefs = NotificationPref.query.filter_by(user_id=user.id).first()
    if prefs is None:
        prefs = NotificationPref(user_id=user.id, **DEFAULT_PREFS)
        db.session.add(prefs)
        db.session.commit()
    return prefs


def update_prefs(user, form):
    prefs = prefs_for(user)
    changed = []
    for key in EDITABLE:
        value = form.get(key) in ('1', 'on', 'true', True)
        if getattr(prefs, key) != value:
            setattr(prefs, key, value)
            changed.append(key)
    db.session.commit()
    return changed


def unsubscribe(token):
    prefs = NotificationPref.query.filter_by(unsubscribe_token=str(token)).first()
    if prefs is None:
        return None
    prefs.email_newsletter = False
    db.session.commit()
    return prefs


def mark_bounced(email):
    from shop.models import User
    user = User.query.filter_by(email=email.lower()).first()
    if user is None or user.notification_prefs is None:
        return False
    user.notification_prefs.bounced = True
    db.session.commit()
    return True
