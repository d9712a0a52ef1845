#include "server/services/vpn/WgImportLayout.h"

#include <QRegularExpression>

namespace hm::server::vpn {

namespace {

// A comment's words: the leading and trailing '#' of banner styles
// ("### Client laptop", "### begin laptop ###") and spaces dropped.
QString wgImpCommentWords(QStringView comment)
{
    qsizetype start = 0;
    qsizetype end = comment.size();
    while (start < end && (comment[start] == u'#' || comment[start].isSpace()))
        ++start;
    while (end > start && (comment[end - 1] == u'#' || comment[end - 1].isSpace()))
        --end;
    return comment.mid(start, end - start).toString();
}

QString wgImpExplicitName(const QString &words)
{
    // "Name = laptop", "friendly_name: laptop", "Client = laptop".
    static const QRegularExpression keyed(
        QStringLiteral("^(?:name|friendly[_ -]?name|client|peer|user)\\s*[=:]\\s*(\\S.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    // "Client laptop" (angristan's wireguard-install), "begin laptop"
    // (PiVPN), "BEGIN_PEER laptop" (wireguard-install variants).
    static const QRegularExpression worded(
        QStringLiteral("^(?:client|peer|begin(?:[_ ]peer)?)\\s+(\\S+)$"),
        QRegularExpression::CaseInsensitiveOption);
    for (const QRegularExpression *re : {&keyed, &worded}) {
        const QRegularExpressionMatch m = re->match(words);
        if (m.hasMatch())
            return m.captured(1).trimmed();
    }
    return {};
}

QString wgImpPlainName(const QString &words)
{
    // A lone word: prose ("the office printer") and commented-out keys
    // ("PublicKey = ...") are no names.
    static const QRegularExpression plain(QStringLiteral("^[\\p{L}\\p{N}][\\p{L}\\p{N}._@+-]*$"));
    if (words.size() > 64 || !plain.match(words).hasMatch())
        return {};
    return words;
}

} // namespace

WgImportLayout wgImportLayout(QStringView text)
{
    WgImportLayout layout;
    enum class Section
    {
        None,
        Interface,
        Peer
    } section = Section::None;
    // Comments since the current section's last key (or header).
    QStringList pending;
    int lineNumber = 0;
    const auto closeSection = [&](bool atEnd) {
        if (section == Section::Peer && atEnd)
            layout.peerComments.last().inside << pending;
    };
    for (QStringView line : text.split(u'\n')) {
        ++lineNumber;
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(u'#')) {
            pending << line.mid(1).toString();
            continue;
        }
        if (line.startsWith(u'[')) {
            closeSection(false);
            const QStringView header = line.left(line.indexOf(u']') + 1);
            if (header.compare(u"[Peer]", Qt::CaseInsensitive) == 0) {
                section = Section::Peer;
                layout.peerLines << lineNumber;
                layout.peerComments.append(WgImportPeerComments{{}, pending});
            } else {
                section = Section::Interface;
                if (layout.interfaceLine == 0)
                    layout.interfaceLine = lineNumber;
            }
            pending.clear();
            continue;
        }
        // A key: what was written since the last one is inside the section.
        if (section == Section::Peer)
            layout.peerComments.last().inside << pending;
        pending.clear();
    }
    closeSection(true);
    return layout;
}

QString wgImportSectionOfLine(const WgImportLayout &layout, int line)
{
    int peer = 0;
    for (qsizetype i = 0; i < layout.peerLines.size(); ++i)
        if (layout.peerLines[i] <= line)
            peer = int(i) + 1;
    const int lastPeerLine = peer > 0 ? layout.peerLines[peer - 1] : 0;
    if (layout.interfaceLine > 0 && layout.interfaceLine <= line &&
        layout.interfaceLine > lastPeerLine)
        return QStringLiteral("interface");
    if (peer > 0)
        return QStringLiteral("peers[%1]").arg(peer);
    return {};
}

QString wgImportPeerName(const WgImportPeerComments &comments)
{
    QStringList inside;
    for (const QString &c : comments.inside)
        inside << wgImpCommentWords(c);
    // Above the header: the closest line first.
    QStringList above;
    for (auto it = comments.above.crbegin(); it != comments.above.crend(); ++it)
        above << wgImpCommentWords(*it);
    for (const auto pick : {&wgImpExplicitName, &wgImpPlainName})
        for (const QStringList *lines : {&inside, &above})
            for (const QString &words : *lines)
                if (QString name = pick(words); !name.isEmpty())
                    return name;
    return {};
}

} // namespace hm::server::vpn
