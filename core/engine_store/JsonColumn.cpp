#include "engine_store/JsonColumn.h"

#include "common/JsonText.h"

namespace hm::engine::persistence {

namespace {

const QString kTruncatedKey = QStringLiteral("$truncated");

// Appends `object` as compact JSON, or the marker when its text is over
// maxBytes.
void appendCapped(json::TextBuffer &out, const QJsonObject &object, json::Secrets secrets,
                  qsizetype maxBytes)
{
    const qsizetype start = out.size();
    json::appendCompact(out, object, secrets);
    // UTF-8 needs at most three bytes per UTF-16 unit: most texts are
    // measured without encoding them.
    if (out.size() - start <= maxBytes / 3)
        return;
    const qsizetype bytes = out.view().sliced(start).toUtf8().size();
    if (bytes <= maxBytes)
        return;
    out.truncate(start);
    json::appendCompact(
        out, QJsonObject{{kTruncatedKey, true}, {QStringLiteral("originalBytes"), double(bytes)}});
}

} // namespace

QString cappedJson(const QJsonObject &object, qsizetype maxBytes)
{
    json::TextBuffer text;
    appendCapped(text, object, json::Secrets::Keep, maxBytes);
    return text.toString();
}

QString maskedJson(const QJsonObject &object, qsizetype maxBytes)
{
    json::TextBuffer text;
    appendMaskedJson(text, object, maxBytes);
    return text.toString();
}

void appendMaskedJson(json::TextBuffer &out, const QJsonObject &object, qsizetype maxBytes)
{
    // Masked while written: no masked copy of the object is built.
    appendCapped(out, object, json::Secrets::Mask, maxBytes);
}

void appendJsonStrings(json::TextBuffer &out, const QStringList &strings)
{
    out += u'[';
    for (qsizetype i = 0; i < strings.size(); ++i) {
        if (i > 0)
            out += u',';
        json::appendString(out, strings.at(i));
    }
    out += u']';
}

bool isTruncatedMarker(const QJsonObject &object)
{
    return object.value(kTruncatedKey).toBool();
}

QVariant textOrNull(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

QVariant msOrNull(qint64 ms)
{
    return ms == 0 ? QVariant() : QVariant(ms);
}

} // namespace hm::engine::persistence
