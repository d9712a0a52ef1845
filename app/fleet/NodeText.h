#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QIcon>
#include <QString>
#include <QStringList>

namespace hm {
struct Error;
}

namespace hm::app {

// Words of the Nodes section, in the current language: a node's status,
// its capabilities, sizes and "12 s ago", and the label rule the server
// applies (so the enrol dialog refuses what the server would).
class NodeText
{
    Q_DECLARE_TR_FUNCTIONS(NodeText)

public:
    // "online" / "offline" / "pending" in words.
    static QString status(const QString &status);
    // The status dot's colour (beside the word, never alone).
    static QColor statusColour(const QString &status);
    // The dot itself: a filled circle of that colour, for the list.
    static QIcon statusDot(const QString &status);
    // "metrics" / "terminal" in words, the tab's name where a tab shows
    // the capability; unknown ones as the agent names them.
    static QString capability(const QString &capability);
    // "Linux / x86_64, kernel 6.1.0" from what the agent reported (its
    // system info is JSON; anything else is shown as it came).
    static QString system(const QString &os, const QString &arch, const QString &systemInfo);
    // A percentage as the list shows it: "37 %" (whole percent).
    static QString percent(double value);
    // Bytes as "15.5 GiB" (ByteSizeText); empty for 0 (not reported yet).
    static QString bytes(qint64 bytes);
    // How long ago `time` was ("12 s ago", "3 h ago"); `never` when invalid.
    static QString ago(const QDateTime &time, const QDateTime &now, const QString &never = {});

    // The server's limits on a node's name and description (characters).
    static constexpr int kMaxNameLength = 64;
    static constexpr int kMaxDescriptionLength = 1000;
    // The server's label rule: 1 to 32 of a-z A-Z 0-9 _ . : -, at most 16.
    static constexpr int kMaxLabels = 16;
    static constexpr int kMaxLabelLength = 32;
    // Comma-separated labels as a list (blank entries dropped).
    static QStringList splitLabels(const QString &text);
    // Why `labels` breaks the rule; empty when it keeps it.
    static QString labelProblem(const QStringList &labels);

    // A node form's refusal by the server: the field it names ("name" for a
    // taken name; empty for none) and what the console says of it.
    static QString refusalField(const hm::Error &error);
    static QString refusalText(const hm::Error &error);
};

} // namespace hm::app
