#include "flows/FlowFile.h"

#include "flow/FlowDefinition.h"
#include "flow/FlowSettings.h"
#include "flows/FlowErrorText.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace hm::app {

namespace {

// At most this much is read: flows are JSON text, not data.
constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;

Error fileError(const QString &message)
{
    return Error{ErrorCode::ValidationError, message};
}

// The first problems of a shape check in words.
QString problemsText(const Error &error)
{
    QStringList problems = describeFlowProblems(error);
    if (problems.isEmpty())
        problems.append(error.message);
    constexpr int kShown = 3;
    const int count = static_cast<int>(problems.size());
    if (count > kShown) {
        problems = problems.mid(0, kShown);
        problems.append(
            QCoreApplication::translate("FlowFile", "… and %n more.", nullptr, count - kShown));
    }
    return problems.join(u'\n');
}

} // namespace

QByteArray FlowFile::toJson() const
{
    QJsonObject json{{QStringLiteral("name"), name}, {QStringLiteral("definition"), definition}};
    if (!description.isEmpty())
        json.insert(QStringLiteral("description"), description);
    if (!settings.isEmpty())
        json.insert(QStringLiteral("settings"), settings);
    return QJsonDocument(json).toJson(QJsonDocument::Indented);
}

Result<FlowFile> FlowFile::fromJson(const QByteArray &text, const QString &fallbackName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fileError(QCoreApplication::translate(
                             "FlowFile", "The file is not valid JSON (%1 at character %2).")
                             .arg(parseError.errorString())
                             .arg(parseError.offset));
    if (!document.isObject())
        return fileError(QCoreApplication::translate(
            "FlowFile", "The file does not hold a flow: its JSON is not an object."));
    const QJsonObject json = document.object();
    FlowFile file;
    if (json.value(QStringLiteral("definition")).isObject()) {
        file.definition = json.value(QStringLiteral("definition")).toObject();
        file.settings = json.value(QStringLiteral("settings")).toObject();
        file.name = json.value(QStringLiteral("name")).toString().trimmed();
        file.description = json.value(QStringLiteral("description")).toString();
    } else if (json.value(QStringLiteral("nodes")).isArray()) {
        file.definition = json;
    } else {
        return fileError(QCoreApplication::translate(
            "FlowFile",
            "The file does not hold a flow: it has neither a \"definition\" object nor a "
            "\"nodes\" list."));
    }
    if (file.name.isEmpty())
        file.name = fallbackName;
    if (auto shape = flow::FlowDefinition::fromJson(file.definition); !shape)
        return fileError(
            QCoreApplication::translate("FlowFile", "The flow in the file is not valid:\n%1")
                .arg(problemsText(shape.error())));
    if (!file.settings.isEmpty()) {
        if (auto settings = flow::FlowSettings::fromJson(file.settings); !settings)
            return fileError(QCoreApplication::translate(
                                 "FlowFile", "The flow settings in the file are not valid:\n%1")
                                 .arg(problemsText(settings.error())));
    }
    return file;
}

Result<FlowFile> FlowFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::IoError,
                     QCoreApplication::translate("FlowFile", "The file cannot be opened: %1")
                         .arg(file.errorString())};
    if (file.size() > kMaxFileBytes)
        return fileError(QCoreApplication::translate(
            "FlowFile", "The file is too large to be a flow (more than 16 MiB)."));
    return fromJson(file.read(kMaxFileBytes + 1), QFileInfo(path).completeBaseName());
}

Status FlowFile::write(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit())
        return Error{ErrorCode::IoError,
                     QCoreApplication::translate("FlowFile", "The file cannot be written: %1")
                         .arg(file.errorString())};
    return {};
}

QString FlowFile::fileNameFor(const QString &flowName)
{
    QString name;
    for (const QChar c : flowName)
        name.append(c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.' ? c : u'-');
    return (name.isEmpty() ? QStringLiteral("flow") : name) + QStringLiteral(".json");
}

} // namespace hm::app
