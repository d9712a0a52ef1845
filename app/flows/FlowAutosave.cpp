#include "flows/FlowAutosave.h"

#include "common/Logging.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>

namespace hm::app {

namespace {

const QString kPrefix = QStringLiteral("flow-");
const QString kSuffix = QStringLiteral(".json");

// Flow ids are UUIDs; anything else is kept out of the file name.
QString safeId(const QString &flowId)
{
    QString id;
    for (const QChar c : flowId)
        id.append(c.isLetterOrNumber() || c == u'-' || c == u'_' ? c : u'_');
    return id;
}

} // namespace

QString FlowAutosave::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/autosave");
}

FlowAutosave::FlowAutosave(QString directory) : m_directory(std::move(directory)) {}

QString FlowAutosave::fileFor(const QString &flowId) const
{
    return QDir(m_directory).filePath(kPrefix + safeId(flowId) + kSuffix);
}

bool FlowAutosave::write(const Entry &entry) const
{
    if (!QDir().mkpath(m_directory)) {
        qCWarning(lcApp) << "autosave: cannot create" << m_directory;
        return false;
    }
    const QJsonObject json{
        {QStringLiteral("flow_id"), entry.flowId},
        {QStringLiteral("flow_name"), entry.flowName},
        {QStringLiteral("base_version"), entry.baseVersion},
        {QStringLiteral("definition"), entry.definition},
        {QStringLiteral("settings"), entry.settings},
        {QStringLiteral("saved_at"), entry.savedAt.toUTC().toString(Qt::ISODateWithMs)}};
    QSaveFile file(fileFor(entry.flowId));
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcApp) << "autosave: cannot write" << file.fileName() << file.errorString();
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(json).toJson(QJsonDocument::Compact));
    return file.commit();
}

std::optional<FlowAutosave::Entry> FlowAutosave::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcApp) << "autosave: unreadable file" << path;
        return std::nullopt;
    }
    const QJsonObject json = document.object();
    Entry entry;
    entry.flowId = json.value(QStringLiteral("flow_id")).toString();
    entry.flowName = json.value(QStringLiteral("flow_name")).toString();
    entry.baseVersion = json.value(QStringLiteral("base_version")).toString();
    entry.definition = json.value(QStringLiteral("definition")).toObject();
    entry.settings = json.value(QStringLiteral("settings")).toObject();
    entry.savedAt =
        QDateTime::fromString(json.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
    if (entry.flowId.isEmpty())
        return std::nullopt;
    return entry;
}

std::optional<FlowAutosave::Entry> FlowAutosave::read(const QString &flowId) const
{
    return readFile(fileFor(flowId));
}

QList<FlowAutosave::Entry> FlowAutosave::entries() const
{
    QList<Entry> list;
    const QDir dir(m_directory);
    const QStringList files =
        dir.entryList({kPrefix + QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        if (auto entry = readFile(dir.filePath(name)))
            list.append(*entry);
    }
    std::sort(list.begin(), list.end(),
              [](const Entry &a, const Entry &b) { return a.savedAt < b.savedAt; });
    return list;
}

void FlowAutosave::remove(const QString &flowId) const
{
    QFile::remove(fileFor(flowId));
}

} // namespace hm::app
