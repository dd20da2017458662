# -*- coding: latin-1 -*-
#
# Text helpers: slugs and transliteration for product names.
# Written for the Münster warehouse feed (umlauts, accents: é, è, à, ç, ß).
# Achtung: this file is latin-1 encoded -- do NOT "fix" it to utf-8, the
# import job in tools/ diffs the raw bytes.  (Jürgen, 2013)
import re
import unicodedata

_TRANSLIT_SOURCE = {
    u'ä': u'ae', u'ö': u'oe', u'ü': u'ue', u'ß': u'ss',
    u'Ä': u'Ae', u'Ö': u'Oe', u'Ü': u'Ue', u'æ': u'ae', u'ø': u'o',
}
_TRANSLIT = dict((ord(k), v) for k, v in _TRANSLIT_SOURCE.iteritems())
_SLUG_STRIP = re.compile(r'[^a-z0-9]+')


def transliterate(text):
    if isinstance(text, str):
        text = text.decode('latin-1')
    text = text.translate(_TRANSLIT)
    text = unicodedata.normalize('NFKD', text)
    return u''.join(c for c in text if not unicodedata.combining(c))


def slugify(text, max_length=80):
    ascii_text = transliterate(unicode(text)).encode('ascii', 'ignore').lower()
    slug = _SLUG_STRIP.sub('-', ascii_text).strip('-')
    return slug[:max_length].rstrip('-') or 'item'


def truncate(text, length=140, suffix=u'\u2026'):
    text = unicode(text or u'')
    if len(text) <= length:
        return text
    return text[:length - len(suffix)].rsplit(u' ', 1)[0] + suffix
