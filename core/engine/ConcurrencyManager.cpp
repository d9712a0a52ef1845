#include "engine/ConcurrencyManager.h"

#include "common/Check.h"

namespace hm::engine {

QString ConcurrencyManager::scopeId(const QString &flowId, const QString &scopeKey)
{
    return scopeKey.isEmpty() ? flowId : flowId + QChar(0x1f) + scopeKey;
}

QStringList ConcurrencyManager::holders(const QString &scope) const
{
    return m_scopes.value(scope).holders;
}

int ConcurrencyManager::holderCount(const QString &scope) const
{
    const auto it = m_scopes.constFind(scope);
    return it == m_scopes.cend() ? 0 : static_cast<int>(it->holders.size());
}

void ConcurrencyManager::acquire(const QString &scope, const QString &executionId)
{
    Scope &s = m_scopes[scope];
    HM_CHECK(!s.holders.contains(executionId), return );
    s.holders.append(executionId);
}

bool ConcurrencyManager::release(const QString &scope, const QString &executionId)
{
    const auto it = m_scopes.find(scope);
    if (it == m_scopes.end())
        return false;
    const bool removed = it->holders.removeOne(executionId);
    dropIfEmpty(scope);
    return removed;
}

int ConcurrencyManager::enqueue(const QString &scope, const QString &executionId)
{
    Scope &s = m_scopes[scope];
    s.queue.append(executionId);
    return static_cast<int>(s.queue.size());
}

bool ConcurrencyManager::removeQueued(const QString &scope, const QString &executionId)
{
    const auto it = m_scopes.find(scope);
    if (it == m_scopes.end())
        return false;
    const bool removed = it->queue.removeOne(executionId);
    dropIfEmpty(scope);
    return removed;
}

QString ConcurrencyManager::takeFirstQueued(const QString &scope)
{
    const auto it = m_scopes.find(scope);
    if (it == m_scopes.end() || it->queue.isEmpty())
        return {};
    const QString id = it->queue.takeFirst();
    dropIfEmpty(scope);
    return id;
}

int ConcurrencyManager::queuePosition(const QString &scope, const QString &executionId) const
{
    const auto it = m_scopes.constFind(scope);
    if (it == m_scopes.cend())
        return 0;
    const qsizetype index = it->queue.indexOf(executionId);
    return index < 0 ? 0 : static_cast<int>(index) + 1;
}

QStringList ConcurrencyManager::queued(const QString &scope) const
{
    return m_scopes.value(scope).queue;
}

int ConcurrencyManager::totalLeases() const
{
    qsizetype n = 0;
    for (const Scope &s : m_scopes)
        n += s.holders.size();
    return static_cast<int>(n);
}

int ConcurrencyManager::totalQueued() const
{
    qsizetype n = 0;
    for (const Scope &s : m_scopes)
        n += s.queue.size();
    return static_cast<int>(n);
}

void ConcurrencyManager::dropIfEmpty(const QString &scope)
{
    const auto it = m_scopes.find(scope);
    if (it != m_scopes.end() && it->holders.isEmpty() && it->queue.isEmpty())
        m_scopes.erase(it);
}

} // namespace hm::engine
