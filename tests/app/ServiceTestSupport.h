#pragma once

// What the Services client and page tests share: OpenAPI documents of a
// small pet store (version 1 and a changed version 2) and a peer on
// loopback that serves the current one at /openapi.json and answers the
// pet endpoints.

#include "RecordingHttpPeer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace servicetest {

inline QJsonObject operation(const QString &id, const QString &summary,
                             const QJsonArray &parameters = {}, const QJsonObject &body = {})
{
    const QJsonObject pet{{"type", "object"},
                          {"properties", QJsonObject{{"id", QJsonObject{{"type", "integer"}}},
                                                     {"name", QJsonObject{{"type", "string"}}}}}};
    const QJsonObject ok{
        {"description", "ok"},
        {"content", QJsonObject{{"application/json", QJsonObject{{"schema", pet}}}}}};
    const QJsonObject responses{{"200", ok}, {"404", QJsonObject{{"description", "not found"}}}};
    QJsonObject op{{"operationId", id}, {"summary", summary}, {"responses", responses}};
    if (!parameters.isEmpty())
        op.insert("parameters", parameters);
    if (!body.isEmpty()) {
        const QJsonObject media{{"application/json", QJsonObject{{"schema", body}}}};
        op.insert("requestBody", QJsonObject{{"required", true}, {"content", media}});
    }
    return op;
}

inline QJsonObject parameter(const QString &name, const QString &in, const QString &type,
                             bool required = false, const QString &description = {})
{
    QJsonObject p{{"name", name},
                  {"in", in},
                  {"required", required},
                  {"schema", QJsonObject{{"type", type}}}};
    if (!description.isEmpty())
        p.insert("description", description);
    return p;
}

inline QJsonObject petBody()
{
    return QJsonObject{
        {"type", "object"},
        {"required", QJsonArray{"name"}},
        {"properties",
         QJsonObject{
             {"name", QJsonObject{{"type", "string"}, {"description", "the pet's name"}}},
             {"tag", QJsonObject{{"type", "string"}}},
             {"owner", QJsonObject{{"type", "object"},
                                   {"properties",
                                    QJsonObject{{"email", QJsonObject{{"type", "string"},
                                                                      {"format", "email"}}}}}}}}}};
}

// Version 1: GET /pets, POST /pets, GET /pets/{petId}.
inline QByteArray documentV1()
{
    return QJsonDocument(
               QJsonObject{
                   {"openapi", "3.0.3"},
                   {"info", QJsonObject{{"title", "Pet store"}, {"version", "1.0"}}},
                   {"paths",
                    QJsonObject{
                        {"/pets",
                         QJsonObject{
                             {"get", operation("listPets", "List pets",
                                               {parameter("limit", "query", "integer", false,
                                                          "at most this many"),
                                                parameter("X-Trace", "header", "string")})},
                             {"post", operation("createPet", "Create a pet",
                                                {parameter("Idempotency-Key", "header", "string")},
                                                petBody())}}},
                        {"/pets/{petId}",
                         QJsonObject{
                             {"get", operation("showPet", "Show one pet",
                                               {parameter("petId", "path", "string", true)})}}}}}})
        .toJson();
}

// Version 2: GET /pets/{petId} removed, POST /pets changed (a query
// parameter more), GET /owners added.
inline QByteArray documentV2()
{
    return QJsonDocument(
               QJsonObject{
                   {"openapi", "3.0.3"},
                   {"info", QJsonObject{{"title", "Pet store"}, {"version", "2.0"}}},
                   {"paths",
                    QJsonObject{
                        {"/pets",
                         QJsonObject{
                             {"get", operation("listPets", "List pets",
                                               {parameter("limit", "query", "integer", false,
                                                          "at most this many"),
                                                parameter("X-Trace", "header", "string")})},
                             {"post", operation("createPet", "Create a pet",
                                                {parameter("Idempotency-Key", "header", "string"),
                                                 parameter("dryRun", "query", "boolean")},
                                                petBody())}}},
                        {"/owners",
                         QJsonObject{{"get", operation("listOwners", "List owners")}}}}}})
        .toJson();
}

// The peer's answers: the document at /openapi.json, pets as JSON.
struct PetStore
{
    QByteArray document = documentV1();
    bool broken = false; // every answer a 500 HTML page

    hm::test::RecordingPeer::Answer answer()
    {
        return [this](const hm::test::RecordedRequest &r) -> hm::test::RecordingPeer::Reply {
            if (broken)
                return {500, "<html>oops</html>", "text/html"};
            if (r.path() == "/openapi.json")
                return {200, document};
            if (r.path() == "/pets" && r.method == "GET")
                return {200,
                        R"([{"id":1,"name":"Rex"},{"id":2,"name":"Tom"}])",
                        "application/json",
                        {{"X-Total", "2"}}};
            if (r.path() == "/pets" && r.method == "POST")
                return {201, R"({"id":3,"name":"Kitty","created":true})"};
            if (r.path().startsWith("/pets/"))
                return {200, R"({"id":1,"name":"Rex"})"};
            return {404, R"({"error":"no such path"})"};
        };
    }
};

} // namespace servicetest
