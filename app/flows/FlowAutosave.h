#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace hm::app {

// The open editor's unsaved state, kept on disk so a console that crashes
// (or is killed) offers it again on the next start (console.md "Never lose
// work"). One file per flow in <directory>/flow-<id>.json, written
// atomically (QSaveFile); removed when the edits are saved or discarded.
class FlowAutosave
{
public:
    struct Entry
    {
        QString flowId;
        QString flowName;
        QString baseVersion; // the version the edits started from
        QJsonObject definition;
        QJsonObject settings;
        QDateTime savedAt;
    };

    // The default directory: <AppLocalDataLocation>/autosave.
    static QString defaultDirectory();

    explicit FlowAutosave(QString directory = defaultDirectory());

    QString directory() const { return m_directory; }
    QString fileFor(const QString &flowId) const;

    bool write(const Entry &entry) const;
    // The entry kept for a flow, if one is and it can be read.
    std::optional<Entry> read(const QString &flowId) const;
    // Every readable entry, oldest first.
    QList<Entry> entries() const;
    void remove(const QString &flowId) const;

private:
    static std::optional<Entry> readFile(const QString &path);

    QString m_directory;
};

} // namespace hm::app
