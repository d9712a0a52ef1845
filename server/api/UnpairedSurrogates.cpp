#include "server/api/UnpairedSurrogates.h"

#include <QJsonArray>
#include <QJsonObject>

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

QString childPath(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}

std::optional<QString> find(const QJsonValue &value, const QString &path)
{
    if (value.isString())
        return hasUnpairedSurrogate(value.toString()) ? std::optional<QString>(path) : std::nullopt;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            if (auto found = find(array.at(i), path + QStringLiteral("[%1]").arg(i)))
                return found;
        return std::nullopt;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key();
            // The answer names it with U+FFFD in place of the half pair:
            // the error must not carry what it refuses.
            if (hasUnpairedSurrogate(key)) {
                QString shown = key;
                for (QChar &c : shown)
                    if (c.isSurrogate())
                        c = QChar::ReplacementCharacter;
                return childPath(path, shown);
            }
            if (auto found = find(it.value(), childPath(path, key)))
                return found;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> firstUnpairedSurrogate(const QJsonValue &value)
{
    return find(value, QString());
}

} // namespace hm::server
