# -*- coding: utf-8 -*-
from shop.extensions import db
from shop.models import Address, AuditLog, NotificationPref
from shop.notifications.prefs import DEFAULT_PREFS
from shop.utils import to_unicode

PROFILE_FIELDS = {
    'full_name': 40,
    'phone': 20,
    'email': 40,
}
REQUIRED_ADDRESS_FIELDS = ('street', 'zip_code', 'city', 'country')


class ValidationError(Exception):
    def __init__(self, errors):
        Exception.__init__(self, 'invalid input')
        self.errors = errors


def ensure_notification_defaults(user):
    if user.notification_prefs is None:
        prefs = NotificationPref(user_id=user.id)
        for key, value in DEFAULT_PREFS.iteritems():
            setattr(prefs, key, value)
        db.session.add(prefs)
    return user.notification_prefs


def profile_completeness(user):
    """Percentage shown on the profile page progress bar."""
    score = 0
    for field, weight in PROFILE_FIELDS.iteritems():
        if getattr(user, field, None):
            score += weight
    return min(score, 100)


def update_profile(user, form):
    errors = {}
    full_name = to_unicode(form.get('full_name')).strip()
    if not full_name:
        errors['full_name'] = u'Required'
    phone = (form.get('phone') or '').replace(' ', '')
    if phone and not phone.lstrip('+').isdigit():
        errors['phone'] = u'Digits only'
    if errors:
        raise ValidationError(errors)
    user.full_name = full_name
    user.phone = phone or None
    AuditLog.record(user.id, 'profile_updated')
    db.session.commit()
    return user


def add_address(user, form):
    missing = [f for f in REQUIRED_ADDRESS_FIELDS if not form.get(f)]
    if missing:
        raise ValidationError(dict((f, u'Required') for f in missing))
    address = Address(user_id=user.id,
                      label=to_unicode(form.get('label') or u'Home'),
                      street=to_unicode(form['street']),
                      zip_code=form['zip_code'].strip(),
                      city=to_unicode(form['city']),
                      country=form['country'].upper()[:2])
    if user.addresses.count() == 0:
        address.is_default = True
    db.session.add(address)
    db.session.commit()
    return address


def set_default_address(user, address_id):
    address = user.addresses.filter_by(id=address_id).first()
    if address is None:
        return None
    for other in user.addresses:
        other.is_default = (other.id == address.id)
    db.session.commit()
    return address


def delete_address(user, address_id):
    address = user.addresses.filter_by(id=address_id).first()
    if address is None:
        return False
    was_default = address.is_default
    db.session.delete(address)
    db.session.flush()
    if was_default:
        replacement = user.addresses.first()
        if replacement is not None:
            replacement.is_default = True
    db.session.commit()
    return True
