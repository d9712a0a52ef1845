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

int ConcurrencyManager::enqueue(const QString &scope, const QString &executionId, int priority)
{
    Scope &s = m_scopes[scope];
    // From the back: the common case (equal priorities) appends at once.
    qsizetype at = s.queue.size();
    while (at > 0 && s.priorities.at(at - 1) < priority)
        --at;
    s.queue.insert(at, executionId);
    s.priorities.insert(at, priority);
    return static_cast<int>(at) + 1;
}

bool ConcurrencyManager::removeQueued(const QString &scope, const QString &executionId)
{
    const auto it = m_scopes.find(scope);
    if (it == m_scopes.end())
        return false;
    const qsizetype index = it->queue.indexOf(executionId);
    if (index >= 0) {
        it->queue.removeAt(index);
        it->priorities.removeAt(index);
    }
    dropIfEmpty(scope);
    return index >= 0;
}

QString ConcurrencyManager::takeFirstQueued(const QString &scope)
{
    const auto it = m_scopes.find(scope);
    if (it == m_scopes.end() || it->queue.isEmpty())
        return {};
    const QString id = it->queue.takeFirst();
    it->priorities.removeFirst();
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
