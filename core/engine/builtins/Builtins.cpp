#include "engine/builtins/Builtins.h"

#include "engine/builtins/DelayExecutor.h"
#include "engine/builtins/SyncBuiltins.h"
#include "flow/SchemaOrder.h"

#include <QJsonDocument>

namespace hm::engine {

namespace {

flow::ComponentInterface interfaceOf(const char *json)
{
    // The config forms list the properties as written here.
    auto parsed = flow::ComponentInterface::fromJson(
        flow::schemaorder::parseKeepingOrder(QByteArray(json)).object(), {}, kBuiltinVersion);
    Q_ASSERT_X(parsed.ok(), "builtins", qPrintable(parsed.error().toString()));
    return parsed.value();
}

} // namespace

void registerBuiltins(ExecutorRegistry &registry)
{
    // No declared inputs or outputs: these accept and produce anything.
    registry.add(interfaceOf(R"({"name": "noop", "inputs": [], "outputs": []})"),
                 std::make_shared<builtins::NoopExecutor>());
    registry.add(interfaceOf(R"({"name": "log", "inputs": [], "outputs": [],
        "configSchema": {"type": "object",
                         "properties": {"message": {"type": "string"}}}})"),
                 std::make_shared<builtins::LogExecutor>());
    registry.add(interfaceOf(R"({"name": "delay", "inputs": [], "outputs": [],
        "configSchema": {"type": "object",
                         "properties": {"ms": {"type": "integer", "minimum": 0}}}})"),
                 std::make_shared<builtins::DelayExecutor>());
    registry.add(interfaceOf(R"({"name": "transform", "inputs": [], "outputs": [],
        "configSchema": {"type": "object", "required": ["outputs"],
                         "properties": {"outputs": {"type": "object"}}}})"),
                 std::make_shared<builtins::TransformExecutor>());
    registry.add(interfaceOf(R"({"name": "condition", "inputs": [],
        "outputs": [{"name": "result", "type": "boolean"}],
        "outputHandles": ["true", "false"],
        "configSchema": {"type": "object", "properties": {
            "op": {"enum": ["==", "!=", "<", "<=", ">", ">=", "exists", "truthy"]}}}})"),
                 std::make_shared<builtins::ConditionExecutor>());
}

} // namespace hm::engine
