<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlertMail</name>
    <message>
        <source>CPU usage</source>
        <translation>处理器使用率</translation>
    </message>
    <message>
        <source>Memory usage</source>
        <translation>内存使用率</translation>
    </message>
    <message>
        <source>Disk usage</source>
        <translation>磁盘使用率</translation>
    </message>
    <message>
        <source>Network traffic</source>
        <translation>网络流量</translation>
    </message>
    <message>
        <source>Load (1 min)</source>
        <translation>负载（1 分钟）</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Probe down</source>
        <translation>探测失败</translation>
    </message>
    <message>
        <source>Certificate expiry</source>
        <translation>证书到期</translation>
    </message>
    <message>
        <source>[HiveMind] Still firing: %1 on %2</source>
        <translation>[HiveMind] 仍在触发：%2 上的 %1</translation>
    </message>
    <message>
        <source>The alert &quot;%1&quot; on %2 is still firing.</source>
        <translation>%2 上的告警“%1”仍在触发。</translation>
    </message>
    <message>
        <source>[HiveMind] Alert: %1 on %2</source>
        <translation>[HiveMind] 告警：%2 上的 %1</translation>
    </message>
    <message>
        <source>The alert &quot;%1&quot; fired on %2.</source>
        <translation>告警“%1”已在 %2 上触发。</translation>
    </message>
    <message>
        <source>[HiveMind] Resolved: %1 on %2</source>
        <translation>[HiveMind] 已解决：%2 上的 %1</translation>
    </message>
    <message>
        <source>The alert &quot;%1&quot; on %2 is resolved.</source>
        <translation>%2 上的告警“%1”已解决。</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <source>Value: %1</source>
        <translation>数值：%1</translation>
    </message>
    <message>
        <source>Threshold: %1</source>
        <translation>阈值：%1</translation>
    </message>
    <message>
        <source>Fired at: %1</source>
        <translation>触发时间：%1</translation>
    </message>
    <message>
        <source>Resolved at: %1</source>
        <translation>解决时间：%1</translation>
    </message>
    <message>
        <source>Alert %1, delivery %2.</source>
        <translation>告警 %1，发送 %2。</translation>
    </message>
    <message>
        <source>[HiveMind] Test of the alert channel &quot;%1&quot;</source>
        <translation>[HiveMind] 通知渠道“%1”的测试</translation>
    </message>
    <message>
        <source>This is a test message of the HiveMind alert channel &quot;%1&quot;. Alerts that fire and resolve will be sent to this address.</source>
        <translation>这是 HiveMind 通知渠道“%1”的测试消息。触发和解决的告警都会发送到此地址。</translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation>发送：%1</translation>
    </message>
    <message>
        <source>Container down</source>
        <translation>容器停止运行</translation>
    </message>
    <message>
        <source>Container unhealthy</source>
        <translation>容器状态不良</translation>
    </message>
    <message>
        <source>Containers: %1</source>
        <translation>容器：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 及其他 %2 个</translation>
    </message>
</context>
<context>
    <name>PublicStatusPage</name>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Availability (24 hours)</source>
        <translation>可用性（24 小时）</translation>
    </message>
    <message>
        <source>Availability (30 days)</source>
        <translation>可用性（30 天）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>处理器</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后在线</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>%1 of %2 nodes online</source>
        <translation>%2 个节点中有 %1 个在线</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>No nodes are shown here yet.</source>
        <translation>此页面尚未显示任何节点。</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
</context>
</TS>
