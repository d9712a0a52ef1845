#include "server/api/UnpairedSurrogates.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace hm::server {
namespace {

bool hasUnpairedSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i; // a proper pair: one character outside the BMP
        else if (c.isSurrogate())
            return true;
    }
    return false;
}

// The key as the answer names it: U+FFFD in place of each half pair (the
// error must not carry what it refuses).
QString shownKey(const QString &key)
{
    QString shown = key;
    for (QChar &c : shown)
        if (c.isSurrogate())
            c = QChar::ReplacementCharacter;
    return shown;
}

// Whether `value` holds one; its path is built only then, on the way back
// up (`segments` innermost first), so a clean body costs no strings.
bool find(const QJsonValue &value, QStringList &segments)
{
    if (value.isString())
        return hasUnpairedSurrogate(value.toString());
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (find(array.at(i), segments)) {
                segments.append(QStringLiteral("[%1]").arg(i));
                return true;
            }
        }
        return false;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (hasUnpairedSurrogate(it.key())) {
                segments.append(u'.' + shownKey(it.key()));
                return true;
            }
            if (find(it.value(), segments)) {
                segments.append(u'.' + it.key());
                return true;
            }
        }
    }
    return false;
}

} // namespace

std::optional<QString> firstUnpairedSurrogate(const QJsonValue &value)
{
    QStringList segments;
    if (!find(value, segments))
        return std::nullopt;
    QString path;
    for (auto it = segments.crbegin(); it != segments.crend(); ++it)
        path += *it;
    if (path.startsWith(u'.'))
        path.remove(0, 1);
    return path;
}

} // namespace hm::server
