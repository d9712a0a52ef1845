// Texts for TestFlowDefinitionText, in a file of their own: moc misreads
// raw strings with backslashes in a file it scans.

#include "FlowDefinitionTextCases.h"

#include "FlowFixtures.h"
#include "flow/FlowDefinition.h"

#include <QJsonDocument>

namespace hm::flow::fixtures {

std::vector<std::pair<const char *, QByteArray>> definitionTextCases()
{
    std::vector<std::pair<const char *, QByteArray>> rows;
    const auto row = [&](const char *name, const char *text) {
        rows.push_back({name, QByteArray(text)});
    };
    const char *node = R"("id": "a", "component": "c", "version": "1")";
    const auto withNode = [&](const char *name, const QByteArray &extra) {
        rows.push_back({name, QByteArray(R"({"nodes": [{)") + node + extra + "}]}"});
    };
    const auto withEdge = [&](const char *name, const QByteArray &edge) {
        rows.push_back(
            {name, QByteArray(R"({"nodes": [{)") + node + R"(}], "edges": [)" + edge + "]}"});
    };
    row("empty object", "{}");
    row("no nodes", R"({"edges": []})");
    row("empty nodes", R"({"nodes": []})");
    row("nodes null", R"({"nodes": null})");
    row("edges null", R"({"nodes": [], "edges": null})");
    row("edges object", R"({"nodes": [], "edges": {}})");
    row("node a number", R"({"nodes": [1]})");
    row("schemaVersion 1", R"({"schemaVersion": 1, "nodes": []})");
    row("schemaVersion 1.0", R"({"schemaVersion": 1.0, "nodes": []})");
    row("schemaVersion 1e0", R"({"schemaVersion": 1e0, "nodes": []})");
    row("schemaVersion null", R"({"schemaVersion": null, "nodes": []})");
    row("schemaVersion 2", R"({"schemaVersion": 2, "nodes": []})");
    row("schemaVersion 0", R"({"schemaVersion": 0, "nodes": []})");
    row("schemaVersion -1", R"({"schemaVersion": -1, "nodes": []})");
    row("schemaVersion 1.5", R"({"schemaVersion": 1.5, "nodes": []})");
    row("schemaVersion string", R"({"schemaVersion": "1", "nodes": []})");
    row("schemaVersion huge", R"({"schemaVersion": 1e300, "nodes": []})");
    row("duplicate nodes key", R"({"nodes": [], "nodes": [{"id": "a"}]})");
    row("duplicate schemaVersion", R"({"schemaVersion": 2, "schemaVersion": 1, "nodes": []})");
    row("escaped top-level key", R"({"n\u006fdes": []})");
    row("top-level array", "[]");
    row("top-level null", "null");
    row("empty text", "");
    row("spaces only", " \n\t ");
    row("byte order mark", "\xEF\xBB\xBF{\"nodes\": []}");
    row("trailing garbage", R"({"nodes": []} x)");
    row("trailing comma", R"({"nodes": [],})");
    row("trailing comma in array",
        R"({"nodes": [{"id": "a", "component": "c", "version": "1"},]})");
    row("missing comma", R"({"nodes": [] "edges": []})");
    row("unterminated", R"({"nodes": [)");
    row("whitespace everywhere", "\r\n{ \"nodes\" :\t[ ] ,\n\"edges\" : [ ] }\r\n");
    row("unknown top-level members",
        R"({"viewport": {"zoom": 2, "a": [1, -2.5e-3, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9"]},
            "nodes": [], "label": "ünïcödé 😀"})");
    row("unknown member with lenient escape", R"({"nodes": [], "x": "\q"})");
    row("unknown member with lone surrogate", R"({"nodes": [], "x": "\ud800"})");
    row("unknown member with control character", "{\"nodes\": [], \"x\": \"a\x01"
                                                 "b\"}");
    row("unknown member with huge number", R"({"nodes": [], "x": 1e400})");
    row("unknown member with tiny number", R"({"nodes": [], "x": 1e-400})");
    row("unknown member with subnormal", R"({"nodes": [], "x": 5e-324})");
    row("unknown member with leading zero", R"({"nodes": [], "x": 01})");
    row("unknown member with plus", R"({"nodes": [], "x": +1})");
    row("unknown member with bare fraction", R"({"nodes": [], "x": .5})");
    row("unknown member with bad literal", R"({"nodes": [], "x": nul})");
    row("invalid UTF-8", "{\"nodes\": [], \"x\": \"\xC3\x28\"}");
    row("overlong UTF-8", "{\"nodes\": [], \"x\": \"\xC0\xAF\"}");
    row("UTF-8 surrogate", "{\"nodes\": [], \"x\": \"\xED\xA0\x80\"}");
    row("truncated UTF-8", "{\"nodes\": [], \"x\": \"\xE2\x82\"}");
    row("UTF-8 noncharacter", "{\"nodes\": [], \"x\": \"\xEF\xBF\xBF\"}");

    withNode("plain node", "");
    withNode(
        "node with everything",
        R"(, "position": {"x": -12.75, "y": 3e5}, "config": {"n": 1.25, "big": 9007199254740993,
                "s": "ü€𝄞", "nil": null, "arr": [1, [2, {"k": false}]]},
                "inputMappings": {"lit": {"a": [1, 2]}, "num": 5, "expr": "$.trigger.x"}, "label": 7)");
    withNode("position null", R"(, "position": null)");
    withNode("position x null", R"(, "position": {"x": null, "y": 2})");
    withNode("position integer", R"(, "position": {"x": 3, "y": -4})");
    withNode("position big integer", R"(, "position": {"x": 9007199254740993, "y": 1})");
    withNode("position beyond int64", R"(, "position": {"x": 99999999999999999999, "y": 1})");
    withNode("position minus zero", R"(, "position": {"x": -0, "y": 0})");
    withNode("position minus zero fraction", R"(, "position": {"x": -0.0, "y": 0.0})");
    withNode("position exponent", R"(, "position": {"x": 1E+2, "y": 25e-1})");
    withNode("position string", R"(, "position": {"x": "1", "y": 2})");
    withNode("position array", R"(, "position": [1, 2])");
    withNode("position extra member", R"(, "position": {"x": 1, "y": 2, "z": 3})");
    withNode("position duplicate x", R"(, "position": {"x": 1, "x": 2})");
    withNode("config null", R"(, "config": null)");
    withNode("config empty", R"(, "config": {})");
    withNode("config empty with spaces", R"(, "config": { })");
    withNode("config array", R"(, "config": [])");
    withNode("config duplicate member", R"(, "config": {"a": 1, "a": 2})");
    withNode("config escapes", R"(, "config": {"k\u00e9y": "v\"\u0041\ud83d\ude00", "\/": "\\"})");
    withNode("config lone surrogate", R"(, "config": {"a": "\udc00"})");
    withNode("config numbers", R"(, "config": {"a": 0, "b": -0, "c": 1.0, "d": 1e2, "e": -1.5E-3,
             "f": 123456789012345678901234567890, "g": -9223372036854775808})");
    withNode("config deep",
             QByteArray(R"(, "config": )") + QByteArray(150, '[') + QByteArray(150, ']'));
    withNode("config too deep",
             QByteArray(R"(, "config": )") + QByteArray(300, '[') + QByteArray(300, ']'));
    withNode("inputMappings null", R"(, "inputMappings": null)");
    withNode("inputMappings string", R"(, "inputMappings": "x")");
    withNode("duplicate id", R"(, "id": "b")");
    withNode("duplicate config", R"(, "config": {"a": 1}, "config": {"b": 2})");
    withNode("unknown nested member", R"(, "data": {"label": [1, {"x": null}]})");
    rows.push_back(
        {"id empty", QByteArray(R"({"nodes": [{"id": "", "component": "c", "version": "1"}]})")});
    rows.push_back(
        {"id a number", QByteArray(R"({"nodes": [{"id": 1, "component": "c", "version": "1"}]})")});
    rows.push_back(
        {"id null", QByteArray(R"({"nodes": [{"id": null, "component": "c", "version": "1"}]})")});
    rows.push_back(
        {"component missing", QByteArray(R"({"nodes": [{"id": "a", "version": "1"}]})")});
    rows.push_back(
        {"id with escape",
         QByteArray(R"({"nodes": [{"id": "a\"b", "component": "c", "version": "1"}]})")});
    rows.push_back(
        {"id with unicode escape",
         QByteArray(R"({"nodes": [{"id": "caf\u00e9", "component": "c", "version": "1"}]})")});
    rows.push_back(
        {"id in UTF-8",
         QByteArray("{\"nodes\": [{\"id\": \"caf\xC3\xA9-\xF0\x9F\x98\x80\", \"component\": "
                    "\"\xE5\x9C\x96\", \"version\": \"1\"}]}")});
    rows.push_back(
        {"key in UTF-8",
         QByteArray("{\"nodes\": [{\"id\": \"a\", \"\xE5\x9C\x96\": 1, \"component\": \"c\", "
                    "\"version\": \"1\"}]}")});
    rows.push_back(
        {"escaped node key",
         QByteArray(R"({"nodes": [{"i\u0064": "a", "component": "c", "version": "1"}]})")});
    rows.push_back({"node empty object", QByteArray(R"({"nodes": [{}]})")});

    withEdge("edge", R"({"id": "e", "source": "a", "target": "a"})");
    withEdge(
        "edge with handles",
        R"({"id": "e", "source": "a", "target": "a", "sourceHandle": "true", "targetHandle": "default"})");
    withEdge("edge empty handle",
             R"({"id": "e", "source": "a", "target": "a", "sourceHandle": ""})");
    withEdge(
        "edge null handles",
        R"({"id": "e", "source": "a", "target": "a", "sourceHandle": null, "targetHandle": null})");
    withEdge("edge numeric handle",
             R"({"id": "e", "source": "a", "target": "a", "sourceHandle": 1})");
    withEdge("edge unknown member",
             R"({"id": "e", "source": "a", "target": "a", "animated": true})");
    withEdge("edge without target", R"({"id": "e", "source": "a"})");
    withEdge("edge empty source", R"({"id": "e", "source": "", "target": "a"})");
    withEdge("edge duplicate source",
             R"({"id": "e", "source": "a", "source": "b", "target": "a"})");
    withEdge("edge a string", R"("e")");
    withEdge("two edges", R"({"id": "e1", "source": "a", "target": "a"},
                             {"id": "e2", "source": "a", "target": "b", "sourceHandle": "default"})");
    return rows;
}

QByteArray mutationBase()
{
    const auto def = FlowDefinition::fromJson(layeredDag(40, 8));
    QByteArray base = QJsonDocument(def.value().toJson()).toJson(QJsonDocument::Compact);
    // Escapes, UTF-8 and numbers for the mutations to hit.
    base.replace(R"("version":"1.0.0")", R"("version":"1.0.0","x":["\u00e9\n",-1.5e3,"ü"])");
    return base;
}

QByteArray mutationAlphabet()
{
    return R"({}[]":,\ -.0123456789eEtrufalsn)"
           "\x01\x7f\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";
}

} // namespace hm::flow::fixtures
