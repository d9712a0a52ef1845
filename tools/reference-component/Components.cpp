#include "Components.h"

#include <QJsonObject>
#include <optional>

namespace refcomp {

namespace {

QString &versionSetting()
{
    static QString version = QString::fromLatin1(kVersion);
    return version;
}

std::optional<QJsonArray> &interfaceOverride()
{
    static std::optional<QJsonArray> defs;
    return defs;
}

QJsonObject port(const char *name, const char *type, const char *description, bool required = false)
{
    QJsonObject p{{QStringLiteral("name"), QString::fromLatin1(name)},
                  {QStringLiteral("type"), QString::fromLatin1(type)},
                  {QStringLiteral("description"), QString::fromUtf8(description)}};
    if (required)
        p.insert(QStringLiteral("required"), true);
    return p;
}

QJsonObject component(const char *name, const char *description, QJsonArray inputs,
                      QJsonArray outputs)
{
    return QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)},
                       {QStringLiteral("version"), versionSetting()},
                       {QStringLiteral("description"), QString::fromUtf8(description)},
                       {QStringLiteral("inputs"), inputs},
                       {QStringLiteral("outputs"), outputs}};
}

} // namespace

void setServedVersion(const QString &version)
{
    versionSetting() = version;
}

QString servedVersion()
{
    return versionSetting();
}

void setInterfaceOverride(const QJsonArray &defs)
{
    interfaceOverride() = defs;
}

QJsonArray interfaceDefs()
{
    if (interfaceOverride())
        return *interfaceOverride();
    QJsonObject failRetryable = port("retryable", "boolean", "ask the engine to retry");
    failRetryable.insert(QStringLiteral("default"), false);
    return QJsonArray{
        component("echo", "outputs its inputs unchanged",
                  QJsonArray{port("value", "any", "any value; every input is echoed")},
                  QJsonArray{port("value", "any", "the input of the same name")}),
        component("uppercase", "upper-cases a text",
                  QJsonArray{port("text", "string", "text to convert", true)},
                  QJsonArray{port("text", "string", "the text in upper case")}),
        component("sleep", "answers after a delay, or with an error when cancelled",
                  QJsonArray{port("ms", "integer", "delay; config \"ms\" when absent")},
                  QJsonArray{port("slept_ms", "integer", "the delay waited")}),
        component("fail", "fails on purpose (first fail_times attempts, or always)",
                  QJsonArray{failRetryable,
                             port("fail_times", "integer", "succeed after this many failures"),
                             port("http_status", "integer", "answer this HTTP status instead"),
                             port("code", "string", "error code to report"),
                             port("message", "string", "error message to report")},
                  QJsonArray{port("attempts", "integer", "requests seen for this node")}),
        component("malformed", "breaks the protocol on purpose",
                  QJsonArray{port("kind", "string", "json (default), shape or outputs")},
                  QJsonArray{}),
        component("blob-size", "reads a blob through the blob endpoint",
                  QJsonArray{port("data", "bytes", "a blob reference", true)},
                  QJsonArray{port("size", "integer", "the blob's size in bytes")}),
        component("make-blob", "stores a blob through the blob endpoint",
                  QJsonArray{port("size", "integer", "bytes to store", true)},
                  QJsonArray{port("data", "bytes", "a reference to the new blob"),
                             port("size", "integer", "its size")}),
    };
}

QJsonArray componentSummaries()
{
    QJsonArray list;
    for (const QJsonValue &def : interfaceDefs()) {
        list.append(QJsonObject{{QStringLiteral("name"), def[QStringLiteral("name")]},
                                {QStringLiteral("version"), def[QStringLiteral("version")]}});
    }
    return list;
}

bool isKnownComponent(const QString &name)
{
    for (const QJsonValue &def : interfaceDefs()) {
        if (def[QStringLiteral("name")].toString() == name)
            return true;
    }
    return false;
}

} // namespace refcomp
