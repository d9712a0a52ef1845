#pragma once

// Compact JSON text straight from Qt's JSON values, byte for byte what
// QJsonDocument::toJson(QJsonDocument::Compact) writes once encoded as
// UTF-8, without its UTF-8 buffer and the QString conversion after it; and
// with SensitiveDataMasker's rules applied on the way, without building the
// masked copy first. The execution history writes every node's inputs and
// outputs this way (docs/benchmarks.md, "HTTP API").

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringView>
#include <string>

namespace hm::json {

// A text built from many small pieces. QString's appends are calls into Qt
// that check for sharing and growth each time (85 to 110 instructions for a
// single character under callgrind, a tenth of a trigger-and-wait request's
// instructions in all); these are inline.
class TextBuffer
{
public:
    void reserve(qsizetype size) { m_text.reserve(size_t(size)); }
    qsizetype size() const { return qsizetype(m_text.size()); }
    bool isEmpty() const { return m_text.empty(); }
    void clear() { m_text.clear(); }
    // Cuts the text to its first `size` units (never grows it).
    void truncate(qsizetype size)
    {
        if (size >= 0 && size_t(size) < m_text.size())
            m_text.erase(size_t(size));
    }
    // Gives memory back after an unusually large text.
    void shrink(qsizetype keep)
    {
        if (m_text.capacity() > size_t(keep))
            std::u16string().swap(m_text);
    }

    TextBuffer &operator+=(char16_t c)
    {
        m_text.push_back(c);
        return *this;
    }
    template <size_t N> TextBuffer &operator+=(const char16_t (&literal)[N])
    {
        m_text.append(literal, N - 1);
        return *this;
    }
    TextBuffer &operator+=(QStringView text)
    {
        m_text.append(text.utf16(), size_t(text.size()));
        return *this;
    }
    void append(const char16_t *text, qsizetype size) { m_text.append(text, size_t(size)); }

    // Inline too: the history writer asks after every field of a node.
    bool endsWith(QStringView suffix) const
    {
        const size_t n = size_t(suffix.size());
        return m_text.size() >= n &&
               std::char_traits<char16_t>::compare(m_text.data() + (m_text.size() - n),
                                                   suffix.utf16(), n) == 0;
    }
    QStringView view() const { return QStringView(m_text.data(), qsizetype(m_text.size())); }
    QString toString() const { return view().toString(); }

private:
    std::u16string m_text;
};

enum class Secrets
{
    Keep,
    Mask, // as SensitiveDataMasker::mask() would have left them
};

void appendCompact(TextBuffer &out, const QJsonValue &value, Secrets secrets = Secrets::Keep);
void appendCompact(TextBuffer &out, const QJsonObject &object, Secrets secrets = Secrets::Keep);
void appendCompact(TextBuffer &out, const QJsonArray &array, Secrets secrets = Secrets::Keep);
// The same appended to a QString (written in a per-thread TextBuffer first).
void appendCompact(QString &out, const QJsonValue &value, Secrets secrets = Secrets::Keep);
void appendCompact(QString &out, const QJsonObject &object, Secrets secrets = Secrets::Keep);
void appendCompact(QString &out, const QJsonArray &array, Secrets secrets = Secrets::Keep);

// `text` as a JSON string literal, quotes included, escaped as Qt does.
void appendString(TextBuffer &out, QStringView text);
void appendString(QString &out, QStringView text);

// `value` in decimal, as Qt writes an integral JSON number.
void appendInteger(TextBuffer &out, qint64 value);
void appendInteger(QString &out, qint64 value);

QString compact(const QJsonObject &object, Secrets secrets = Secrets::Keep);

} // namespace hm::json
