<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardSeries</name>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n deal(s))</source>
        <translation>
            <numerusform>%1（%n 单）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (hundred millions)</source>
        <translation>亿 %1</translation>
    </message>
    <message>
        <source>%1 (ten thousands)</source>
        <translation>万 %1</translation>
    </message>
    <message>
        <source>%1 (millions)</source>
        <translation>百万 %1</translation>
    </message>
    <message>
        <source>%1 (thousands)</source>
        <translation>千 %1</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>忠实客户</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>有流失风险</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>已流失</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>Read customers</source>
        <translation>查看客户</translation>
    </message>
    <message>
        <source>Add and edit customers</source>
        <translation>新增和编辑客户</translation>
    </message>
    <message>
        <source>Delete customers</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Export phones and emails unmasked</source>
        <translation>导出完整手机号和邮箱（不脱敏）</translation>
    </message>
    <message>
        <source>Assign customers and move them to the pool</source>
        <translation>分配客户、退回公海</translation>
    </message>
    <message>
        <source>Claim from the public pool</source>
        <translation>从公海领取</translation>
    </message>
    <message>
        <source>Read leads</source>
        <translation>查看线索</translation>
    </message>
    <message>
        <source>Add, edit and convert leads</source>
        <translation>新增、编辑和转化线索</translation>
    </message>
    <message>
        <source>Read opportunities</source>
        <translation>查看商机</translation>
    </message>
    <message>
        <source>Add, edit and move opportunities</source>
        <translation>新增、编辑和推进商机</translation>
    </message>
    <message>
        <source>Delete opportunities</source>
        <translation>删除商机</translation>
    </message>
    <message>
        <source>Read activities</source>
        <translation>查看跟进记录</translation>
    </message>
    <message>
        <source>Log activities</source>
        <translation>记录跟进</translation>
    </message>
    <message>
        <source>Read tasks and follow-ups</source>
        <translation>查看任务和回访</translation>
    </message>
    <message>
        <source>Add and edit tasks and follow-ups</source>
        <translation>新增和编辑任务与回访</translation>
    </message>
    <message>
        <source>Read campaigns</source>
        <translation>查看营销活动</translation>
    </message>
    <message>
        <source>Run campaigns</source>
        <translation>开展营销活动</translation>
    </message>
    <message>
        <source>Read feedback</source>
        <translation>查看客户反馈</translation>
    </message>
    <message>
        <source>Record and handle feedback</source>
        <translation>记录和处理反馈</translation>
    </message>
    <message>
        <source>See dashboards and reports</source>
        <translation>查看仪表盘和报表</translation>
    </message>
    <message>
        <source>Export reports</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Read the audit log</source>
        <translation>查看审计日志</translation>
    </message>
    <message>
        <source>Administer users, departments and roles</source>
        <translation>管理用户、部门和角色</translation>
    </message>
    <message>
        <source>Change company settings and pipelines</source>
        <translation>修改公司设置和销售流程</translation>
    </message>
    <message>
        <source>Own records</source>
        <translation>仅本人数据</translation>
    </message>
    <message>
        <source>Own and subordinates&apos; records</source>
        <translation>本人及下属数据</translation>
    </message>
    <message>
        <source>Own department</source>
        <translation>本部门数据</translation>
    </message>
    <message>
        <source>Department and its sub-departments</source>
        <translation>本部门及下级部门数据</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部数据</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>deal status</comment>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Won</source>
        <comment>deal status</comment>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <comment>deal status</comment>
        <translation>输单</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>task status</comment>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Done</source>
        <comment>task status</comment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>task status</comment>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins: this account is locked for %n more minute(s).</source>
        <translation>
            <numerusform>登录失败次数过多：此账号已锁定，%n 分钟后可再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>This account has been deactivated. Ask an administrator.</source>
        <translation>此账号已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>The database cannot be reached. Check its address and that the server is running.</source>
        <translation>无法连接数据库。请检查地址，并确认服务器正在运行。</translation>
    </message>
    <message>
        <source>The database is busy. Try again in a moment.</source>
        <translation>数据库繁忙，请稍后再试。</translation>
    </message>
    <message>
        <source>This database was created by a newer version of the CRM.</source>
        <translation>此数据库由更新版本的 CRM 创建。</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>您没有执行此操作的权限。</translation>
    </message>
    <message>
        <source>This record no longer exists or is not visible to you.</source>
        <translation>此记录已不存在，或您无权查看。</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile. Reload it and apply your change again.</source>
        <translation>其他人刚刚修改了此记录。请重新加载后再修改。</translation>
    </message>
    <message>
        <source>This would duplicate an existing record.</source>
        <translation>这会与已有记录重复。</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1为必填项。</translation>
    </message>
    <message>
        <source>%1: the format is not valid.</source>
        <translation>%1：格式不正确。</translation>
    </message>
    <message>
        <source>%1 is too long.</source>
        <translation>%1太长。</translation>
    </message>
    <message>
        <source>%1 is out of range.</source>
        <translation>%1超出允许范围。</translation>
    </message>
    <message>
        <source>%1 refers to something that does not exist.</source>
        <translation>%1引用的对象不存在。</translation>
    </message>
    <message>
        <source>%1 is not valid.</source>
        <translation>%1无效。</translation>
    </message>
    <message>
        <source>The operation failed: %1</source>
        <translation>操作失败：%1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>客户电话</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Expected close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <source>Loss reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>Custom field %1</source>
        <translation>自定义字段 %1</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <source>Contact position</source>
        <translation>联系人职位</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系人电话</translation>
    </message>
    <message>
        <source>Contact email</source>
        <translation>联系人邮箱</translation>
    </message>
    <message>
        <source>At least one active user must keep user administration.</source>
        <translation>至少要有一位在职用户保留用户管理权限。</translation>
    </message>
    <message>
        <source>The file cannot be read. Check that it exists and that you may read it. Details: %1</source>
        <translation>无法读取文件。请确认文件存在且你有读取权限。详情：%1</translation>
    </message>
    <message>
        <source>The file cannot be written. Check that the folder exists, that you may write to it and that the disk is not full. Details: %1</source>
        <translation>无法写入文件。请确认文件夹存在、你有写入权限且磁盘未满。详情：%1</translation>
    </message>
    <message>
        <source>This cannot be done in the record&apos;s current state.</source>
        <translation>记录当前的状态不允许此操作。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time (write it as YYYY-MM-DD HH:MM)</source>
        <translation>“%1”不是有效时间（格式：YYYY-MM-DD HH:MM）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of seconds</source>
        <translation>“%1”不是秒数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither yes nor no</source>
        <translation>“%1”既不是“是”也不是“否”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (write it as YYYY-MM-DD)</source>
        <translation>“%1”不是日期（格式：YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>The pipeline has no won stage</source>
        <translation>该销售流程没有赢单阶段</translation>
    </message>
    <message>
        <source>The pipeline has no lost stage</source>
        <translation>该销售流程没有输单阶段</translation>
    </message>
    <message>
        <source>The pipeline has no open stage</source>
        <translation>该销售流程没有进行中的阶段</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a customer id</source>
        <translation>“%1”不是客户 ID</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number</source>
        <translation>“%1”不是电话号码</translation>
    </message>
    <message>
        <source>Unknown customer %1</source>
        <translation>找不到客户 %1</translation>
    </message>
    <message>
        <source>Customer %1 is named &quot;%2&quot;, not &quot;%3&quot;</source>
        <translation>客户 %1 的名称是“%2”，不是“%3”</translation>
    </message>
    <message>
        <source>Unknown customer &quot;%1&quot;</source>
        <translation>找不到客户“%1”</translation>
    </message>
    <message>
        <source>No customer &quot;%1&quot; has the phone %2</source>
        <translation>没有名为“%1”且电话为 %2 的客户</translation>
    </message>
    <message>
        <source>%1 customers are named &quot;%2&quot;; add a column with the customer&apos;s phone or id to tell them apart</source>
        <translation>有 %1 个客户名为“%2”；请添加客户电话或客户 ID 列以区分</translation>
    </message>
    <message>
        <source>Unknown owner &quot;%1&quot;</source>
        <translation>找不到负责人“%1”</translation>
    </message>
    <message>
        <source>The owner &quot;%1&quot; is inactive</source>
        <translation>负责人“%1”已停用</translation>
    </message>
    <message>
        <source>Unknown pipeline &quot;%1&quot;</source>
        <translation>找不到销售流程“%1”</translation>
    </message>
    <message>
        <source>Several pipelines have a stage &quot;%1&quot;; add a pipeline column</source>
        <translation>多个销售流程都有阶段“%1”；请添加销售流程列</translation>
    </message>
    <message>
        <source>Unknown stage &quot;%1&quot;</source>
        <translation>找不到阶段“%1”</translation>
    </message>
    <message>
        <source>The pipeline &quot;%1&quot; has no stage &quot;%2&quot; (a pipeline column moves the opportunity to another pipeline)</source>
        <translation>销售流程“%1”没有阶段“%2”（填写销售流程列可将商机移到其他销售流程）</translation>
    </message>
    <message>
        <source>Unknown pipeline</source>
        <translation>找不到销售流程</translation>
    </message>
    <message>
        <source>The stage &quot;%1&quot; is %2, not %3</source>
        <translation>阶段“%1”的状态是 %2，不是 %3</translation>
    </message>
    <message>
        <source>You may not move opportunity %1 to another pipeline</source>
        <translation>您无权将商机 %1 移到其他销售流程</translation>
    </message>
    <message>
        <source>You may not move opportunity %1</source>
        <translation>您无权移动商机 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount (write it as 1234.50)</source>
        <translation>“%1”不是金额（格式如 1234.50）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole percentage such as 30</source>
        <translation>“%1”不是整数百分比（如 30）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no status (open, won, lost or 进行中, 赢单, 输单)</source>
        <translation>“%1”不是有效状态（open、won、lost 或 进行中、赢单、输单）</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Row %1: the text is not valid UTF-8. If the file was saved by Excel on Chinese Windows, choose the GB18030 encoding (--encoding gb18030).</source>
        <translation>第 %1 行：文本不是有效的 UTF-8。如果文件是在中文 Windows 上用 Excel 保存的，请选择 GB18030 编码（--encoding gb18030）。</translation>
    </message>
    <message>
        <source>Row %1: the text is not valid %2; choose the file&apos;s encoding (for example --encoding utf-8).</source>
        <translation>第 %1 行：文本不是有效的 %2，请选择文件的编码（例如 --encoding utf-8）。</translation>
    </message>
    <message>
        <source>Row %1: more than %2 columns; is this a table file?</source>
        <translation>第 %1 行：超过 %2 列，这是表格文件吗？</translation>
    </message>
    <message>
        <source>Row %1: a quoted field is not closed (a &quot; is missing)</source>
        <translation>第 %1 行：引号内的字段没有结束（缺少一个 &quot;）</translation>
    </message>
    <message>
        <source>Row %1: a field is longer than %2 characters</source>
        <translation>第 %1 行：有字段超过 %2 个字符</translation>
    </message>
    <message>
        <source>Row %1: a quoted field is longer than %2 characters (is a closing &quot; missing?)</source>
        <translation>第 %1 行：引号内的字段超过 %2 个字符（是否缺少结束的 &quot;？）</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged (relationships: %1)</source>
        <translation>XLSX 工作簿已损坏（关系：%1）</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged: %1, line %2: %3</source>
        <translation>XLSX 工作簿已损坏：%1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>The file is a zip archive but not an XLSX workbook (it has no %1)</source>
        <translation>该文件是 zip 压缩包，但不是 XLSX 工作簿（缺少 %1）</translation>
    </message>
    <message>
        <source>The XLSX workbook has no worksheets</source>
        <translation>XLSX 工作簿中没有工作表</translation>
    </message>
    <message>
        <source>The workbook has no sheet &quot;%1&quot; (sheets: %2)</source>
        <translation>工作簿中没有工作表“%1”（工作表：%2）</translation>
    </message>
    <message>
        <source>The workbook has %1 sheet(s); there is no sheet %2 (sheets: %3)</source>
        <translation>工作簿有 %1 个工作表，没有第 %2 个（工作表：%3）</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; is not a worksheet (a chart sheet?)</source>
        <translation>工作表“%1”不是数据工作表（是图表页吗？）</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged: %1 ends in the middle (line %2)</source>
        <translation>XLSX 工作簿已损坏：%1 在中途结束（第 %2 行）</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged: %1 ends in the middle</source>
        <translation>XLSX 工作簿已损坏：%1 在中途结束</translation>
    </message>
    <message>
        <source>The XLSX workbook has too many distinct texts</source>
        <translation>XLSX 工作簿中不同的文本太多</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged: row %1 is not closed</source>
        <translation>XLSX 工作簿已损坏：第 %1 行没有结束</translation>
    </message>
    <message>
        <source>Row %1: more than %2 columns; is this a table?</source>
        <translation>第 %1 行：超过 %2 列，这是表格吗？</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged: a cell of row %1 refers to a missing shared text</source>
        <translation>XLSX 工作簿已损坏：第 %1 行的一个单元格引用了不存在的共享文本</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>The mapping has %1 fields for %2 columns</source>
        <translation>映射有 %1 个字段，而文件有 %2 列</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot;: there is no customer field &quot;%2&quot; (fields: %3)</source>
        <translation>列“%1”：客户没有字段“%2”（可用字段：%3）</translation>
    </message>
    <message>
        <source>Columns &quot;%1&quot; and &quot;%2&quot; both fill the field &quot;%3&quot;</source>
        <translation>列“%1”和“%2”都映射到了字段“%3”</translation>
    </message>
    <message>
        <source>No column holds the customer name (a header such as 姓名, 名称, 客户名称 or name); map one with a mapping template</source>
        <translation>没有存放客户名称的列（表头如 姓名、名称、客户名称 或 name）；请用映射模板指定一列</translation>
    </message>
    <message>
        <source>The mapping template is for &quot;%1&quot;, not customers</source>
        <translation>该映射模板用于“%1”，不是客户</translation>
    </message>
    <message>
        <source>The mapping template has no &quot;columns&quot; object</source>
        <translation>映射模板缺少 &quot;columns&quot; 对象</translation>
    </message>
    <message>
        <source>The mapping of column &quot;%1&quot; must be a field name or &quot;&quot;</source>
        <translation>列“%1”的映射必须是字段名或 &quot;&quot;</translation>
    </message>
    <message>
        <source>Cannot read the mapping %1: %2</source>
        <translation>无法读取映射文件 %1：%2</translation>
    </message>
    <message>
        <source>The mapping %1 is not a JSON object: %2</source>
        <translation>映射文件 %1 不是 JSON 对象：%2</translation>
    </message>
    <message>
        <source>The mapping template is for &quot;%1&quot;, not %2</source>
        <translation>该映射模板用于“%1”，不是 %2</translation>
    </message>
    <message>
        <source>There is no import of &quot;%1&quot;</source>
        <translation>不支持导入“%1”</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot;: there is no %2 field &quot;%3&quot; (fields: %4)</source>
        <translation>列“%1”：%2 没有字段“%3”（可用字段：%4）</translation>
    </message>
    <message>
        <source>No column names the customer (a header such as 客户, 客户名称, customer or customerId); map one with a mapping template</source>
        <translation>没有指明客户的列（表头如 客户、客户名称、customer 或 customerId）；请用映射模板指定一列</translation>
    </message>
    <message>
        <source>No column holds the opportunity name (a header such as 商机名称 or opportunity); map one with a mapping template</source>
        <translation>没有存放商机名称的列（表头如 商机名称 或 opportunity）；请用映射模板指定一列</translation>
    </message>
    <message>
        <source>No column holds the contact&apos;s name (a header such as 姓名, 联系人 or name); map one with a mapping template</source>
        <translation>没有存放联系人姓名的列（表头如 姓名、联系人 或 name）；请用映射模板指定一列</translation>
    </message>
    <message>
        <source>The file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>A JSON import file must hold an array of objects, [{...}, {...}] (at byte %1)</source>
        <translation>JSON 导入文件必须是一个对象数组，形如 [{...}, {...}]（第 %1 字节处）</translation>
    </message>
    <message>
        <source>The JSON file ends before its array is closed with ]; it may be truncated (at byte %1)</source>
        <translation>JSON 文件在数组以 ] 结束之前就结束了，文件可能不完整（第 %1 字节处）</translation>
    </message>
    <message>
        <source>Unexpected text after the end of the JSON array (at byte %1)</source>
        <translation>JSON 数组结束后还有多余的内容（第 %1 字节处）</translation>
    </message>
    <message>
        <source>Expected , or ] after object %1 (at byte %2)</source>
        <translation>第 %1 个对象之后应为 , 或 ]（第 %2 字节处）</translation>
    </message>
    <message>
        <source>Element %1 of the JSON array is not an object (at byte %2)</source>
        <translation>JSON 数组的第 %1 个元素不是对象（第 %2 字节处）</translation>
    </message>
    <message>
        <source>Object %1 is larger than %2 MiB; is the file damaged? (at byte %3)</source>
        <translation>第 %1 个对象超过 %2 MiB，文件是否已损坏？（第 %3 字节处）</translation>
    </message>
    <message>
        <source>The JSON file ends inside object %1; it may be truncated (at byte %2)</source>
        <translation>JSON 文件在第 %1 个对象中间就结束了，文件可能不完整（第 %2 字节处）</translation>
    </message>
    <message>
        <source>Object %1 is not valid JSON: %2 (at byte %3)</source>
        <translation>第 %1 个对象不是有效的 JSON：%2（第 %3 字节处）</translation>
    </message>
    <message>
        <source>The objects have more than %1 different keys</source>
        <translation>这些对象共有超过 %1 个不同的键</translation>
    </message>
    <message>
        <source>The JSON array holds no objects with keys</source>
        <translation>JSON 数组中没有带键的对象</translation>
    </message>
    <message>
        <source>This is an old binary Excel workbook (.xls); save it as .xlsx or CSV and import that</source>
        <translation>这是旧版二进制 Excel 工作簿（.xls）；请另存为 .xlsx 或 CSV 后再导入</translation>
    </message>
    <message>
        <source>The file %1 does not exist</source>
        <translation>文件 %1 不存在</translation>
    </message>
    <message>
        <source>The file is not a valid XLSX workbook: its zip archive is damaged or truncated</source>
        <translation>该文件不是有效的 XLSX 工作簿：其 zip 压缩包已损坏或不完整</translation>
    </message>
    <message>
        <source>The XLSX workbook is damaged: its part %1 cannot be unpacked</source>
        <translation>XLSX 工作簿已损坏：无法解压其中的 %1</translation>
    </message>
    <message>
        <source>The XLSX workbook has no part %1</source>
        <translation>XLSX 工作簿缺少 %1</translation>
    </message>
    <message>
        <source>The XLSX part %1 is too large (%2 MB unpacked)</source>
        <translation>XLSX 中的 %1 过大（解压后 %2 MB）</translation>
    </message>
    <message>
        <source>The XLSX part %1 is too large</source>
        <translation>XLSX 中的 %1 过大</translation>
    </message>
</context>
<context>
    <name>ImportReason</name>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>名称和公司相同</translation>
    </message>
    <message>
        <source>same customer and name</source>
        <translation>客户和名称相同</translation>
    </message>
    <message>
        <source>same customer, time, kind, subject and content</source>
        <translation>客户、时间、类型、主题和内容均相同</translation>
    </message>
    <message>
        <source>skipped: duplicate of row %1 (%2)</source>
        <translation>已跳过：与第 %1 行重复（%2）</translation>
    </message>
    <message>
        <source>skipped: duplicate of opportunity %1 (%2)</source>
        <translation>已跳过：与商机 %1 重复（%2）</translation>
    </message>
    <message>
        <source>skipped: duplicate of activity %1 (%2)</source>
        <translation>已跳过：与跟进记录 %1 重复（%2）</translation>
    </message>
    <message>
        <source>skipped: duplicate of customer %1 (%2)</source>
        <translation>已跳过：与客户 %1 重复（%2）</translation>
    </message>
    <message>
        <source>skipped: the customer already has this opportunity, held by another user</source>
        <translation>已跳过：该客户已有此商机，由其他用户负责</translation>
    </message>
    <message>
        <source>skipped: already in the CRM, held by another user (%1)</source>
        <translation>已跳过：CRM 中已有此客户，由其他用户负责（%1）</translation>
    </message>
    <message>
        <source>cannot update: the customer already has this opportunity, held by another user</source>
        <translation>无法更新：该客户已有此商机，由其他用户负责</translation>
    </message>
    <message>
        <source>cannot update: already in the CRM, held by another user (%1), outside your customers</source>
        <translation>无法更新：CRM 中已有此客户，由其他用户负责（%1），不在您的客户范围内</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>skipped: duplicate of contact %1 (%2)</source>
        <translation>已跳过：与联系人 %1 重复（%2）</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>No data in this period.</source>
        <translation>本期间没有数据。</translation>
    </message>
    <message>
        <source>Generated %1; money in %2</source>
        <translation>生成于 %1；金额单位：%2</translation>
    </message>
    <message>
        <source>call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation>周（起始日）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>（无负责人）</translation>
    </message>
    <message>
        <source>Scope: %1 only</source>
        <translation>范围：仅 %1</translation>
    </message>
    <message>
        <source>Scope: the data of %1</source>
        <translation>范围：%1 的数据</translation>
    </message>
    <message>
        <source>Scope: %1 and their team</source>
        <translation>范围：%1 及其团队</translation>
    </message>
    <message>
        <source>Scope: the department of %1</source>
        <translation>范围：%1 所在部门</translation>
    </message>
    <message>
        <source>Scope: the department of %1 and its sub-departments</source>
        <translation>范围：%1 所在部门及下级部门</translation>
    </message>
    <message>
        <source>Scope: all data (%1)</source>
        <translation>范围：全部数据（%1）</translation>
    </message>
    <message>
        <source>Sales performance report</source>
        <translation>销售业绩报表</translation>
    </message>
    <message>
        <source>Sales funnel and conversion report</source>
        <translation>销售漏斗与转化报表</translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation>跟进活动报表</translation>
    </message>
    <message>
        <source>Customer growth and source report</source>
        <translation>客户增长与来源报表</translation>
    </message>
    <message>
        <source>Overdue tasks report</source>
        <translation>逾期任务报表</translation>
    </message>
    <message>
        <source>Period: %1 to %2</source>
        <translation>期间：%1 至 %2</translation>
    </message>
    <message>
        <source>Won deals per period</source>
        <translation>各期间赢单</translation>
    </message>
    <message>
        <source>By period</source>
        <translation>按期间</translation>
    </message>
    <message>
        <source>Deals won</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <source>Amount won</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Won deals by sales rep</source>
        <translation>各销售赢单</translation>
    </message>
    <message>
        <source>By sales rep</source>
        <translation>按销售</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Share of amount</source>
        <translation>金额占比</translation>
    </message>
    <message>
        <source>Average deal</source>
        <translation>平均客单价</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Average sales cycle (days)</source>
        <translation>平均成交周期（天）</translation>
    </message>
    <message>
        <source>Deals created in the period by the furthest stage reached</source>
        <translation>本期新建商机按到达的最远阶段统计</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>漏斗</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Deals reaching it</source>
        <translation>到达数</translation>
    </message>
    <message>
        <source>Conversion to the next stage</source>
        <translation>到下一阶段的转化率</translation>
    </message>
    <message>
        <source>Open pipeline now</source>
        <translation>当前在途商机</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>在途商机</translation>
    </message>
    <message>
        <source>Open deals</source>
        <translation>进行中商机</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Weighted amount</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <source>Deals created</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Of these won</source>
        <translation>其中赢单</translation>
    </message>
    <message>
        <source>Overall conversion</source>
        <translation>总体转化率</translation>
    </message>
    <message>
        <source>Deals closed in the period: won</source>
        <translation>本期结束商机：赢单</translation>
    </message>
    <message>
        <source>Deals closed in the period: lost</source>
        <translation>本期结束商机：输单</translation>
    </message>
    <message>
        <source>Activities by sales rep and kind</source>
        <translation>各销售各类型跟进次数</translation>
    </message>
    <message>
        <source>Activities by kind</source>
        <translation>各类型跟进次数</translation>
    </message>
    <message>
        <source>By kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>跟进次数</translation>
    </message>
    <message>
        <source>Activities logged</source>
        <translation>记录的跟进</translation>
    </message>
    <message>
        <source>Sales reps with activities</source>
        <translation>有跟进记录的销售</translation>
    </message>
    <message>
        <source>New customers per period</source>
        <translation>各期间新增客户</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>增长</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>New customers by source</source>
        <translation>新增客户来源</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source>Open tasks overdue on %1</source>
        <translation>截至 %1 逾期的未完成任务</translation>
    </message>
    <message>
        <source>Overdue tasks by owner</source>
        <translation>各负责人逾期任务</translation>
    </message>
    <message>
        <source>By owner</source>
        <translation>按负责人</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>逾期任务</translation>
    </message>
    <message>
        <source>Oldest due date</source>
        <translation>最早到期日</translation>
    </message>
    <message>
        <source>The %1 longest overdue tasks</source>
        <translation>逾期最久的 %1 个任务</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Owners with overdue tasks</source>
        <translation>有逾期任务的负责人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Campaign effect report</source>
        <translation>营销活动效果报表</translation>
    </message>
    <message>
        <source>Campaigns running in the period</source>
        <translation>本期间进行的营销活动</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与客户</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>已转化</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Cost per conversion</source>
        <translation>单次转化成本</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回应</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Customer activity report</source>
        <translation>客户活跃度报表</translation>
    </message>
    <message>
        <source>Customers in scope today</source>
        <translation>当前范围内客户数</translation>
    </message>
    <message>
        <source>Customers by province (all customers in scope today)</source>
        <translation>客户省份分布（当前范围内全部客户）</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation>省份分布</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Customers by industry (all customers in scope today)</source>
        <translation>客户行业分布（当前范围内全部客户）</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>行业分布</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>As of %1, when the report was generated: the period does not change these figures</source>
        <translation>截至报表生成时 %1：统计周期不影响这些数据</translation>
    </message>
    <message>
        <source>Within 7 days</source>
        <translation>7 天内</translation>
    </message>
    <message>
        <source>8-30 days ago</source>
        <translation>8-30 天前</translation>
    </message>
    <message>
        <source>31-90 days ago</source>
        <translation>31-90 天前</translation>
    </message>
    <message>
        <source>Over 90 days ago</source>
        <translation>90 天以前</translation>
    </message>
    <message>
        <source>Never contacted</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>Customers per owner by their last contact</source>
        <translation>各负责人客户的最近联系时间</translation>
    </message>
    <message>
        <source>0-7 days</source>
        <translation>0-7 天</translation>
    </message>
    <message>
        <source>8-30 days</source>
        <translation>8-30 天</translation>
    </message>
    <message>
        <source>31-90 days</source>
        <translation>31-90 天</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>90 天以上</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>No contact in 90 days</source>
        <translation>90 天未联系</translation>
    </message>
    <message>
        <source>(public pool)</source>
        <translation>（公海）</translation>
    </message>
    <message>
        <source>Customers by their last contact</source>
        <translation>客户最近联系时间分布</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Contacted in the last 30 days</source>
        <translation>近 30 天联系过</translation>
    </message>
    <message>
        <source>Of all customers</source>
        <translation>占全部客户</translation>
    </message>
    <message>
        <source>No contact in the last 90 days</source>
        <translation>近 90 天未联系</translation>
    </message>
    <message>
        <source>%1K</source>
        <comment>thousands, on an English chart axis</comment>
        <translation>%1K</translation>
    </message>
    <message>
        <source>%1M</source>
        <comment>millions, on an English chart axis</comment>
        <translation>%1M</translation>
    </message>
    <message>
        <source>%1 ten thousand</source>
        <comment>on a Chinese chart axis: %1万</comment>
        <translation>%1万</translation>
    </message>
    <message>
        <source>%1 hundred million</source>
        <comment>on a Chinese chart axis: %1亿</comment>
        <translation>%1亿</translation>
    </message>
</context>
<context>
    <name>SeedNames</name>
    <message>
        <source>lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>qualified</source>
        <translation>需求确认</translation>
    </message>
    <message>
        <source>proposal</source>
        <translation>方案报价</translation>
    </message>
    <message>
        <source>negotiation</source>
        <translation>商务谈判</translation>
    </message>
    <message>
        <source>won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <source>due</source>
        <translation>待续约</translation>
    </message>
    <message>
        <source>New business</source>
        <translation>新业务</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>续约</translation>
    </message>
</context>
<context>
    <name>crm::ActivitiesDialog</name>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message>
        <source>No activities in this period</source>
        <translation>此期间没有跟进活动</translation>
    </message>
    <message numerus="yes">
        <source>%n activit(y/ies) shown</source>
        <translation>
            <numerusform>已显示 %n 条活动</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::CampaignDialog</name>
    <message>
        <source>Start:</source>
        <translation>开始：</translation>
    </message>
    <message>
        <source>End:</source>
        <translation>结束：</translation>
    </message>
    <message>
        <source>Edit campaign</source>
        <translation>编辑营销活动</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新建营销活动</translation>
    </message>
    <message>
        <source>e.g. 50 sign-ups for the spring fair</source>
        <translation>例如 春季展会报名 50 人</translation>
    </message>
    <message>
        <source>Leave unchecked for no start date</source>
        <translation>不勾选表示不设开始日期</translation>
    </message>
    <message>
        <source>Leave unchecked for no end date</source>
        <translation>不勾选表示不设结束日期</translation>
    </message>
    <message>
        <source>A three-letter currency code such as CNY</source>
        <translation>三个字母的货币代码，如 CNY</translation>
    </message>
    <message>
        <source>None checked: customers of any status</source>
        <translation>都不勾选：任何状态的客户</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>As written in the address, e.g. 广东省</source>
        <translation>与地址中的写法一致，如 广东省</translation>
    </message>
    <message>
        <source>As written in the address, e.g. 深圳市</source>
        <translation>与地址中的写法一致，如 深圳市</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>Customers you can see that match the target now</source>
        <translation>您可见的、当前符合目标群体的客户</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Goal:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Budget:</source>
        <translation>预算：</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>目标群体</translation>
    </message>
    <message>
        <source>Customer status:</source>
        <translation>客户状态：</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>省份：</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>城市：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>User #%1</source>
        <translation>用户 #%1</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>Counting the customers this target reaches…</source>
        <translation>正在统计该目标群体覆盖的客户…</translation>
    </message>
    <message>
        <source>The reach could not be counted: %1</source>
        <translation>无法统计覆盖人数：%1</translation>
    </message>
    <message numerus="yes">
        <source>Reaches %n customer(s)</source>
        <translation>
            <numerusform>覆盖 %n 位客户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::CampaignTableModel</name>
    <message>
        <source>Planned</source>
        <comment>campaign status</comment>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Active</source>
        <comment>campaign status</comment>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Finished</source>
        <comment>campaign status</comment>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>campaign status</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Invited</source>
        <comment>campaign participant status</comment>
        <translation>已邀请</translation>
    </message>
    <message>
        <source>Responded</source>
        <comment>campaign participant status</comment>
        <translation>已响应</translation>
    </message>
    <message>
        <source>Converted</source>
        <comment>campaign participant status</comment>
        <translation>已成交</translation>
    </message>
    <message>
        <source>Declined</source>
        <comment>campaign participant status</comment>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1（%2 开始）</translation>
    </message>
</context>
<context>
    <name>crm::CampaignsView</name>
    <message>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新建营销活动</translation>
    </message>
    <message>
        <source>New campaign (Ctrl+N)</source>
        <translation>新建营销活动（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Add customers from target</source>
        <translation>按目标群体添加客户</translation>
    </message>
    <message>
        <source>Adds the customers you can see that match the campaign&apos;s target group; those already taking part are left as they are</source>
        <translation>添加您可见的、符合活动目标群体的客户；已参与的客户保持不变</translation>
    </message>
    <message>
        <source>Record response…</source>
        <translation>记录答复…</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>All participants</source>
        <translation>全部参与客户</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>参与客户：</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) shown, more below</source>
        <translation>
            <numerusform>已显示 %n 个活动，下方还有更多</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n 个营销活动</numerusform>
        </translation>
    </message>
    <message>
        <source>Target: every customer in the scope of whoever adds them</source>
        <translation>目标群体：添加人可见的全部客户</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>状态 %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>tag “%1”</source>
        <translation>标签“%1”</translation>
    </message>
    <message>
        <source>group “%1”</source>
        <translation>分组“%1”</translation>
    </message>
    <message>
        <source>source “%1”</source>
        <translation>来源“%1”</translation>
    </message>
    <message>
        <source>province %1</source>
        <translation>省份 %1</translation>
    </message>
    <message>
        <source>city %1</source>
        <translation>城市 %1</translation>
    </message>
    <message>
        <source>user #%1</source>
        <translation>用户 #%1</translation>
    </message>
    <message>
        <source>owner %1</source>
        <translation>负责人 %1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标群体：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Select a campaign to see its participants and results.</source>
        <translation>选择一个营销活动，查看其参与客户和效果。</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Budget %1 %2</source>
        <translation>预算 %1 %2</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Participants: %1</source>
        <translation>参与：%1</translation>
    </message>
    <message>
        <source>Invited: %1</source>
        <translation>已邀请：%1</translation>
    </message>
    <message>
        <source>Responded: %1</source>
        <translation>已响应：%1</translation>
    </message>
    <message>
        <source>Converted: %1</source>
        <translation>已成交：%1</translation>
    </message>
    <message>
        <source>Declined: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Feedback: no scores yet</source>
        <translation>满意度：暂无评分</translation>
    </message>
    <message numerus="yes">
        <source>Feedback: %1 from %n score(s)</source>
        <translation>
            <numerusform>满意度：%1 分（%n 次评分）</numerusform>
        </translation>
    </message>
    <message>
        <source>The budget must be an amount with at most two decimals, such as 1200.50.</source>
        <translation>预算须为最多两位小数的金额，如 1200.50。</translation>
    </message>
    <message>
        <source>Campaign “%1” created.</source>
        <translation>已创建营销活动“%1”。</translation>
    </message>
    <message>
        <source>Campaign “%1” saved.</source>
        <translation>已保存营销活动“%1”。</translation>
    </message>
    <message>
        <source>The campaign&apos;s current values are shown now.</source>
        <translation>现在显示的是该活动的最新内容。</translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>删除营销活动</translation>
    </message>
    <message>
        <source>Delete the campaign “%1” and its list of participants? This cannot be undone.</source>
        <translation>删除营销活动“%1”及其参与客户名单？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Feedback customers gave for it is kept.</source>
        <translation>客户为该活动给出的满意度评价会保留。</translation>
    </message>
    <message>
        <source>Campaign “%1” deleted.</source>
        <translation>已删除营销活动“%1”。</translation>
    </message>
    <message>
        <source>Add customers</source>
        <translation>添加客户</translation>
    </message>
    <message>
        <source>“%1” has no target group: this adds every customer you can see. Add them all?</source>
        <translation>“%1”没有设定目标群体：将添加您可见的全部客户。确定全部添加？</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) added to “%1”.</source>
        <translation>
            <numerusform>已向“%1”添加 %n 位客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>No customers added to “%1”: everyone matching its target already takes part.</source>
        <translation>未向“%1”添加客户：符合目标群体的客户都已参与。</translation>
    </message>
    <message>
        <source>Response of “%1” recorded: %2.</source>
        <translation>已记录“%1”的答复：%2。</translation>
    </message>
    <message numerus="yes">
        <source>Won after joining: %n deal(s), %1</source>
        <translation>
            <numerusform>参与后成交：%n 单，%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>crm::ClosingDealsPanel</name>
    <message>
        <source>Deals closing soon</source>
        <translation>即将到期的商机</translation>
    </message>
    <message numerus="yes">
        <source>Open deals expected to close in the next %n day(s) or already past that date</source>
        <translation>
            <numerusform>预计在 %n 天内成交或已过预计成交日期的进行中商机</numerusform>
        </translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>我的团队</translation>
    </message>
    <message>
        <source>Everyone in your scope</source>
        <translation>您可见范围内的所有人</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Deals closing soon are shown to users with the permission “%1”.</source>
        <translation>拥有“%1”权限的用户才能查看即将到期的商机。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>No open deals closing in the next %n day(s) or past their date</source>
        <translation>
            <numerusform>没有 %n 天内到期或已逾期的进行中商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n deal(s), %1 of them overdue</source>
        <translation>
            <numerusform>显示前 %n 个商机，其中 %1 个已逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s), %1 overdue</source>
        <translation>
            <numerusform>%n 个商机，%1 个已逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <source>In %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::CompanySettingsPanel</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> 分钟前</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Probability %</source>
        <translation>赢率 %</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Add stage…</source>
        <translation>添加阶段…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Follow-up reminder</source>
        <translation>回访提醒</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <source>The probability is a whole number from 0 to 100.</source>
        <translation>赢率是 0 到 100 之间的整数。</translation>
    </message>
    <message>
        <source>Pipeline saved.</source>
        <translation>销售流程已保存。</translation>
    </message>
    <message>
        <source>Reminder default saved.</source>
        <translation>默认提醒已保存。</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <source>Name of the new stage (it goes before the closed stages):</source>
        <translation>新阶段名称（将排在赢单/输单阶段之前）：</translation>
    </message>
</context>
<context>
    <name>crm::CustomFieldsEditor</name>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>A number, such as 12.5</source>
        <translation>数字，例如 12.5</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
</context>
<context>
    <name>crm::CustomFieldsPanel</name>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>是 / 否</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键名</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>contract_no</source>
        <translation>contract_no</translation>
    </message>
    <message>
        <source>Options, separated by commas</source>
        <translation>选项，用逗号分隔</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Fields the company adds to every customer&apos;s page.</source>
        <translation>公司为每个客户页面添加的字段。</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Added &quot;%1&quot;.</source>
        <translation>已添加“%1”。</translation>
    </message>
    <message>
        <source>Some customers have a value for &quot;%1&quot;: clear those values first.</source>
        <translation>有客户填写了“%1”：请先清除这些值。</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot;.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>New field</source>
        <translation>新建字段</translation>
    </message>
    <message>
        <source>Some customers have no value for this field yet: fill them in before making it required.</source>
        <translation>还有客户未填写此字段：请先补齐，再设为必填。</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>Some customers hold an option you took out of &quot;%1&quot;: change their values first.</source>
        <translation>有客户正在使用从“%1”中移除的选项：请先修改这些客户的值。</translation>
    </message>
    <message>
        <source>Moved &quot;%1&quot;.</source>
        <translation>已移动“%1”。</translation>
    </message>
</context>
<context>
    <name>crm::CustomerDeals</name>
    <message>
        <source>New deal…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message>
        <source>Showing the newest %1</source>
        <translation>仅显示最新的 %1 个</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <source>Hidden by your role</source>
        <translation>您的角色无权查看</translation>
    </message>
    <message>
        <source>Lost: %1</source>
        <translation>输单：%1</translation>
    </message>
    <message>
        <source>No deals yet</source>
        <translation>暂无商机</translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s) worth %1</source>
        <translation>
            <numerusform>%n 个进行中商机，金额 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n won worth %1</source>
        <translation>
            <numerusform>%n 个赢单，金额 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open deal(s)</source>
        <translation>
            <numerusform>%n 个进行中商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n won</source>
        <translation>
            <numerusform>%n 个赢单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::CustomerDialog</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>多个标签用逗号分隔</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>首选</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>移除联系人</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>客户：%1</translation>
    </message>
    <message>
        <source>Owner: %1 · Created %2 · Last contact %3 · Won %4</source>
        <translation>负责人：%1 · 创建于 %2 · 最近联系 %3 · 成交 %4</translation>
    </message>
    <message>
        <source>Public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Hidden by your role</source>
        <translation>您的角色无权查看</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Contact not added</source>
        <translation>未能添加联系人</translation>
    </message>
    <message>
        <source>Contact not removed</source>
        <translation>未能移除联系人</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
</context>
<context>
    <name>crm::CustomerFeedback</name>
    <message>
        <source>Record feedback…</source>
        <translation>记录评价…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message>
        <source>No feedback yet</source>
        <translation>还没有评价</translation>
    </message>
    <message>
        <source>No satisfaction score yet</source>
        <translation>暂无满意度评分</translation>
    </message>
    <message numerus="yes">
        <source>Average %1 from %n score(s)</source>
        <translation>
            <numerusform>平均 %1 分（%n 次评分）</numerusform>
        </translation>
    </message>
    <message>
        <source>Feedback recorded</source>
        <translation>已记录评价</translation>
    </message>
</context>
<context>
    <name>crm::CustomerPickerDialog</name>
    <message>
        <source>Choose a customer</source>
        <translation>选择客户</translation>
    </message>
    <message>
        <source>Name, company, phone or email</source>
        <translation>名称、公司、电话或邮箱</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>There are no customers to choose from</source>
        <translation>没有可选择的客户</translation>
    </message>
    <message>
        <source>No customer matches “%1”</source>
        <translation>没有与“%1”匹配的客户</translation>
    </message>
    <message>
        <source>Showing the first %1; type more to narrow</source>
        <translation>仅显示前 %1 个，请输入更多内容以缩小范围</translation>
    </message>
    <message>
        <source>Public pool</source>
        <translation>公海</translation>
    </message>
</context>
<context>
    <name>crm::CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Won value</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>（隐藏）</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>crm::CustomerTimeline</name>
    <message>
        <source>Load older</source>
        <translation>加载更早的记录</translation>
    </message>
    <message>
        <source>Log call…</source>
        <translation>记录电话…</translation>
    </message>
    <message>
        <source>Log visit…</source>
        <translation>记录拜访…</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <source>Schedule follow-up…</source>
        <translation>安排回访…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message>
        <source>Nothing logged yet</source>
        <translation>还没有跟进记录</translation>
    </message>
    <message>
        <source>Follow-up %1 by %2</source>
        <translation>回访 %1，方式：%2</translation>
    </message>
    <message>
        <source>%1 logged</source>
        <translation>已记录%1</translation>
    </message>
    <message>
        <source>Follow-up scheduled for %1</source>
        <translation>已安排 %1 回访</translation>
    </message>
    <message>
        <source>Task “%1”, due %2, for %3</source>
        <translation>任务“%1”，%2 到期，执行人 %3</translation>
    </message>
    <message>
        <source>Task “%1”, for %2</source>
        <translation>任务“%1”，执行人 %2</translation>
    </message>
    <message>
        <source>Nothing logged on this opportunity yet</source>
        <translation>此商机尚无记录</translation>
    </message>
    <message>
        <source>The customer of this opportunity is outside your data scope</source>
        <translation>此商机的客户不在您的数据范围内</translation>
    </message>
</context>
<context>
    <name>crm::CustomersView</name>
    <message>
        <source>Search name, company, phone, email or tag (Ctrl+F)</source>
        <translation>搜索名称、公司、电话、邮箱或标签（Ctrl+F）</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>批量操作</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>分配给…</translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Move to public pool</source>
        <translation>移入公海</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>显示列</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Province or city</source>
        <translation>省份或城市</translation>
    </message>
    <message>
        <source>A province (广东省) or a city (深圳市), as written in the address</source>
        <translation>省份（如 广东省）或城市（如 深圳市），与地址中的写法一致</translation>
    </message>
    <message>
        <source>Sorting is available by name, last contact, created and won value.</source>
        <translation>可按名称、最近联系、创建日期和成交金额排序。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>No customers match</source>
        <translation>没有符合条件的客户</translation>
    </message>
    <message>
        <source>Select at most %1 customers for one action.</source>
        <translation>一次操作最多选择 %1 位客户。</translation>
    </message>
    <message>
        <source>Some selected rows are still loading; try again in a moment.</source>
        <translation>部分选中的行仍在加载，请稍后再试。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>Assign customers</source>
        <translation>分配客户</translation>
    </message>
    <message>
        <source>New owner:</source>
        <translation>新负责人：</translation>
    </message>
    <message>
        <source>Assigned %1 customer(s).</source>
        <translation>已分配 %1 位客户。</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Tagged %1 customer(s).</source>
        <translation>已为 %1 位客户添加标签。</translation>
    </message>
    <message>
        <source>Moved %1 customer(s) to the public pool.</source>
        <translation>已将 %1 位客户移入公海。</translation>
    </message>
    <message>
        <source>Delete customers</source>
        <translation>删除客户</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n customer(s) with their contacts and history? This cannot be undone.</source>
        <translation>
            <numerusform>删除 %n 位客户及其联系人和历史记录？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted %1 customer(s).</source>
        <translation>已删除 %1 位客户。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the customers of the current filter to Excel, CSV or JSON</source>
        <translation>将当前筛选的客户导出为 Excel、CSV 或 JSON</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>The customers were merged.</source>
        <translation>客户已合并。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import customers from a CSV or Excel file</source>
        <translation>从 CSV 或 Excel 文件导入客户</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>移除此筛选</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Add to campaign…</source>
        <translation>加入营销活动…</translation>
    </message>
    <message>
        <source>No campaign is planned or running: create one in Campaigns first.</source>
        <translation>没有计划中或进行中的营销活动：请先在“营销活动”中新建。</translation>
    </message>
    <message>
        <source>Add to campaign</source>
        <translation>加入营销活动</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>营销活动：</translation>
    </message>
    <message numerus="yes">
        <source>Added %n customer(s) to the campaign.</source>
        <translation>
            <numerusform>已将 %n 位客户加入营销活动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1 customer(s) to the campaign; %2 already took part.</source>
        <translation>已将 %1 位客户加入营销活动；另有 %2 位已在其中。</translation>
    </message>
</context>
<context>
    <name>crm::DashboardView</name>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>最近 365 天</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时间段：</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <source>Deals won</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Average deal size</source>
        <translation>平均客单价</translation>
    </message>
    <message>
        <source>Average cycle</source>
        <translation>平均成交周期</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>在途商机金额</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>加权商机金额</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>跟进次数</translation>
    </message>
    <message>
        <source>Sales won</source>
        <translation>成交额</translation>
    </message>
    <message>
        <source>Funnel (opportunities created in the period)</source>
        <translation>销售漏斗（本期新建商机）</translation>
    </message>
    <message>
        <source>Activities per rep</source>
        <translation>各销售跟进次数</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 won, %2 lost</source>
        <translation>赢 %1，输 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open opportunity(ies)</source>
        <translation>
            <numerusform>%n 个进行中商机</numerusform>
        </translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>到达</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new customer(s)</source>
        <translation>
            <numerusform>%1：新增 %n 位客户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::DealsDialog</name>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>成交日期</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message>
        <source>No deals in this period</source>
        <translation>此期间没有交易</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %Ln deal(s)</source>
        <translation>
            <numerusform>显示 %1 / 共 %Ln 笔交易</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::DepartmentsPanel</name>
    <message>
        <source>Add department…</source>
        <translation>添加部门…</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Name of the new department under %1:</source>
        <translation>%1 下新部门的名称：</translation>
    </message>
    <message>
        <source>Name of the new department:</source>
        <translation>新部门名称：</translation>
    </message>
    <message>
        <source>Add department</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <source>Department %1 added.</source>
        <translation>已添加部门 %1。</translation>
    </message>
</context>
<context>
    <name>crm::ExportDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV for Excel (*.csv);;JSON (*.json)</source>
        <translation>Excel 文件 (*.xlsx);;适用于 Excel 的 CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n customer(s) to %1.</source>
        <translation>
            <numerusform>已导出 %n 位客户到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Phones and emails are masked.</source>
        <translation>手机号和邮箱已脱敏。</translation>
    </message>
    <message>
        <source>Exported %1 of %2 customers…</source>
        <translation>已导出 %1 / %2 位客户…</translation>
    </message>
    <message>
        <source>Exported %1 customers…</source>
        <translation>已导出 %1 位客户…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>crm::FeedbackDialog</name>
    <message>
        <source>Record feedback</source>
        <translation>记录评价</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>What the customer said</source>
        <translation>客户的意见</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>In answer to</source>
        <translation>所属营销活动</translation>
    </message>
</context>
<context>
    <name>crm::FollowUpDialog</name>
    <message>
        <source>Schedule follow-up</source>
        <translation>安排回访</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> 分钟前</translation>
    </message>
    <message>
        <source>What to talk about</source>
        <translation>要谈的内容</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>crm::ImportDialog</name>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>CSV or text (UTF-8, GB18030, UTF-16), or an Excel workbook (.xlsx)</source>
        <translation>CSV 或文本文件（UTF-8、GB18030、UTF-16），或 Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>S&amp;heet:</source>
        <translation>工作表(&amp;H)：</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>File column</source>
        <translation>文件列</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Customer field</source>
        <translation>客户字段</translation>
    </message>
    <message>
        <source>Double-click a field or press F2 to change it; &quot;(ignore)&quot; leaves the column out.</source>
        <translation>双击字段或按 F2 修改；“（忽略）”表示不导入该列。</translation>
    </message>
    <message>
        <source>&amp;Load template…</source>
        <translation>载入模板(&amp;L)…</translation>
    </message>
    <message>
        <source>Apply a mapping saved earlier (also used by crm import --mapping)</source>
        <translation>套用之前保存的列对应关系（crm import --mapping 也可使用）</translation>
    </message>
    <message>
        <source>Load column mapping</source>
        <translation>载入列对应关系</translation>
    </message>
    <message>
        <source>Mapping templates (*.json)</source>
        <translation>列对应关系模板 (*.json)</translation>
    </message>
    <message>
        <source>&amp;Save template…</source>
        <translation>保存模板(&amp;S)…</translation>
    </message>
    <message>
        <source>Save this mapping for the next file with these columns (also for crm import --mapping)</source>
        <translation>保存此列对应关系，供下次相同列的文件使用（也可用于 crm import --mapping）</translation>
    </message>
    <message>
        <source>Save column mapping</source>
        <translation>保存列对应关系</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>列对应关系</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Update the existing customer</source>
        <translation>更新已有客户</translation>
    </message>
    <message>
        <source>Create them anyway</source>
        <translation>仍然新建</translation>
    </message>
    <message>
        <source>A duplicate has the phone or email of a customer already in the CRM or earlier in the file, or the same name and company.</source>
        <translation>重复是指：电话或邮箱与系统中已有的客户或文件中前面的行相同，或名称和公司都相同。</translation>
    </message>
    <message>
        <source>&amp;All or nothing: import only if every row is valid</source>
        <translation>全部或不导入(&amp;A)：只有每一行都有效才导入</translation>
    </message>
    <message>
        <source>Import the &amp;valid rows and write an error report</source>
        <translation>导入有效行并生成错误报告(&amp;V)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>&amp;Duplicates:</source>
        <translation>重复客户(&amp;D)：</translation>
    </message>
    <message>
        <source>Invalid rows:</source>
        <translation>无效行：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>问题列表</translation>
    </message>
    <message>
        <source>D&amp;ry run</source>
        <translation>试运行(&amp;R)</translation>
    </message>
    <message>
        <source>Check every row and show what would happen, without writing anything</source>
        <translation>检查每一行并显示导入结果，不写入任何数据</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>You do not have permission to import customers.</source>
        <translation>您没有导入客户的权限。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>自动识别（%1）</translation>
    </message>
    <message numerus="yes">
        <source>The first %n row(s) of the file; more follow.</source>
        <translation>
            <numerusform>文件的前 %n 行，后面还有更多。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n row(s) of the file.</source>
        <translation>
            <numerusform>文件共 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>If the customers are on another sheet, choose it above.</source>
        <translation>如果客户数据在其他工作表中，请在上方选择该工作表。</translation>
    </message>
    <message>
        <source>Check the column mapping and the options, then run a dry run or import.</source>
        <translation>请检查列对应关系和选项，然后试运行或导入。</translation>
    </message>
    <message>
        <source>Double-click or press F2 to choose the field</source>
        <translation>双击或按 F2 选择字段</translation>
    </message>
    <message>
        <source>The mapping could not be saved to %1.</source>
        <translation>无法将列对应关系保存到 %1。</translation>
    </message>
    <message>
        <source>Mapping saved to %1. It also works with crm import --mapping.</source>
        <translation>列对应关系已保存到 %1，也可用于 crm import --mapping。</translation>
    </message>
    <message>
        <source>%1 is not a column mapping template (a JSON file saved by this dialog or crm import --save-mapping).</source>
        <translation>%1 不是列对应关系模板（应为本对话框或 crm import --save-mapping 保存的 JSON 文件）。</translation>
    </message>
    <message>
        <source>Mapping loaded from %1.</source>
        <translation>已从 %1 载入列对应关系。</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot; is mapped to &quot;%2&quot;, which is not a customer field. Choose another field or &quot;(ignore)&quot;.</source>
        <translation>列“%1”对应到“%2”，但它不是客户字段。请选择其他字段或“（忽略）”。</translation>
    </message>
    <message>
        <source>Columns &quot;%1&quot; and &quot;%2&quot; both fill %3. Only phone, email, tags and groups may come from several columns.</source>
        <translation>列“%1”和“%2”都对应到“%3”。只有电话、邮箱、标签和分组可以来自多列。</translation>
    </message>
    <message>
        <source>No column is mapped to Name. Choose &quot;Name&quot; for the column that holds the customer&apos;s name.</source>
        <translation>没有列对应到“名称”。请为包含客户名称的列选择“名称”。</translation>
    </message>
    <message>
        <source>Import cancelled; the database is unchanged.</source>
        <translation>导入已取消，数据库没有任何改动。</translation>
    </message>
    <message>
        <source>You may not change the field %1, so its column cannot be imported. Set that column to &quot;(ignore)&quot;.</source>
        <translation>您无权修改字段“%1”，因此不能导入该列。请将该列设为“（忽略）”。</translation>
    </message>
    <message>
        <source>The file has a header row but no customers below it.</source>
        <translation>文件只有表头，下面没有客户数据。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>Row %1 is not valid text in the chosen encoding. Choose the file&apos;s encoding above (Excel on Chinese Windows saves GB18030).</source>
        <translation>第 %1 行不是所选编码的有效文本。请在上方选择文件的编码（中文 Windows 上的 Excel 保存为 GB18030）。</translation>
    </message>
    <message>
        <source>The file cannot be opened. Check that it exists and that you may read it.</source>
        <translation>无法打开文件。请确认文件存在且您有读取权限。</translation>
    </message>
    <message>
        <source>The file cannot be read: it is damaged or not a CSV file or Excel workbook (.xlsx). Details: %1</source>
        <translation>无法读取文件：文件已损坏，或不是 CSV 文件或 Excel 工作簿（.xlsx）。详情：%1</translation>
    </message>
    <message>
        <source>The workbook has no such sheet.</source>
        <translation>工作簿中没有这个工作表。</translation>
    </message>
    <message>
        <source>The column mapping does not fit this file: %1</source>
        <translation>列对应关系与此文件不符：%1</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>%1 rows checked…</source>
        <translation>已检查 %1 行…</translation>
    </message>
    <message>
        <source>Writing %1 rows…</source>
        <translation>正在写入 %1 行…</translation>
    </message>
    <message>
        <source>Dry run cancelled.</source>
        <translation>试运行已取消。</translation>
    </message>
    <message numerus="yes">
        <source>Dry run of %1, nothing was written: %n row(s); %2 would be created, %3 updated, %4 skipped as duplicates, %5 invalid.</source>
        <translation>
            <numerusform>试运行 %1，未写入任何数据：共 %n 行；将新建 %2 个，更新 %3 个，跳过重复 %4 个，无效 %5 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>As it is, nothing would be imported: fix the invalid rows, or choose to import the valid rows.</source>
        <translation>按当前设置不会导入任何数据：请修正无效行，或选择导入有效行。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1: %n row(s); %2 created, %3 updated, %4 skipped as duplicates, %5 invalid.</source>
        <translation>
            <numerusform>已导入 %1：共 %n 行；新建 %2 个，更新 %3 个，跳过重复 %4 个，无效 %5 行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported from %1: %n row(s) are invalid. Fix them, or choose to import the valid rows and write an error report.</source>
        <translation>
            <numerusform>未从 %1 导入任何数据：%n 行无效。请修正，或选择导入有效行并生成错误报告。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows not imported are listed in %1.</source>
        <translation>未导入的行已列在 %1 中。</translation>
    </message>
    <message>
        <source>The first %1 of %2 issues are shown below.</source>
        <translation>下面列出了 %2 个问题中的前 %1 个。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>The error report cannot be written next to the file. Copy the file to a folder you may write to and import it from there; nothing was imported.</source>
        <translation>无法在文件旁边写入错误报告。请把文件复制到您有写入权限的文件夹，再从那里导入；本次没有导入任何数据。</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>跟进活动</translation>
    </message>
    <message>
        <source>Im&amp;port:</source>
        <translation>导入(&amp;P)：</translation>
    </message>
    <message>
        <source>Choose a file: CSV or text (UTF-8, GB18030, UTF-16) or an Excel workbook (.xlsx).</source>
        <translation>请选择文件：CSV 或文本（UTF-8、GB18030、UTF-16），或 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>Import opportunities</source>
        <translation>导入商机</translation>
    </message>
    <message>
        <source>Import activities</source>
        <translation>导入跟进活动</translation>
    </message>
    <message>
        <source>Opportunity field</source>
        <translation>商机字段</translation>
    </message>
    <message>
        <source>Activity field</source>
        <translation>活动字段</translation>
    </message>
    <message>
        <source>Update the existing opportunity</source>
        <translation>更新已有商机</translation>
    </message>
    <message>
        <source>Update the existing activity</source>
        <translation>更新已有活动</translation>
    </message>
    <message>
        <source>A duplicate names a customer that already has an opportunity of that name, in the CRM or earlier in the file.</source>
        <translation>重复指：该客户在 CRM 中或文件前面的行里已有同名商机。</translation>
    </message>
    <message>
        <source>A duplicate has the customer, time, type, subject and content of an activity already in the CRM or earlier in the file.</source>
        <translation>重复指：客户、时间、类型、主题和内容与 CRM 中或文件前面的行里已有的活动相同。</translation>
    </message>
    <message>
        <source>Data files (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
        <translation>数据文件 (*.csv *.txt *.tsv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot; is mapped to &quot;%2&quot;, which this import does not know. Choose another field or &quot;(ignore)&quot;.</source>
        <translation>列“%1”对应到“%2”，本次导入不认识该字段。请选择其他字段或“（忽略）”。</translation>
    </message>
    <message>
        <source>Columns &quot;%1&quot; and &quot;%2&quot; both fill %3.</source>
        <translation>列“%1”和列“%2”都对应到%3。</translation>
    </message>
    <message>
        <source>No column names the customer. Choose &quot;Customer&quot; (a name) or &quot;Customer ID&quot; for it.</source>
        <translation>没有列指明客户。请为该列选择“客户”（名称）或“客户编号”。</translation>
    </message>
    <message>
        <source>No column is mapped to &quot;Opportunity name&quot;.</source>
        <translation>没有列对应到“商机名称”。</translation>
    </message>
    <message>
        <source>You do not have permission to import opportunities.</source>
        <translation>您没有导入商机的权限。</translation>
    </message>
    <message>
        <source>You do not have permission to import activities.</source>
        <translation>您没有导入跟进活动的权限。</translation>
    </message>
    <message>
        <source>Contact persons: %1.</source>
        <translation>联系人：%1 位。</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>导入联系人</translation>
    </message>
    <message>
        <source>Contact field</source>
        <translation>联系人字段</translation>
    </message>
    <message>
        <source>Update the existing contact</source>
        <translation>更新已有联系人</translation>
    </message>
    <message>
        <source>A duplicate names a customer that already has a contact of that name, in the CRM or earlier in the file.</source>
        <translation>重复指：该客户在 CRM 中或文件前面的行里已有同名联系人。</translation>
    </message>
    <message>
        <source>No column is mapped to &quot;Contact name&quot;.</source>
        <translation>没有列对应到“联系人姓名”。</translation>
    </message>
    <message>
        <source>You do not have permission to import contacts.</source>
        <translation>您没有导入联系人的权限。</translation>
    </message>
</context>
<context>
    <name>crm::LastContactFilter</name>
    <message>
        <source>Any last contact</source>
        <translation>任意最近联系</translation>
    </message>
    <message>
        <source>Not contacted for 7 days</source>
        <translation>7 天未联系</translation>
    </message>
    <message>
        <source>Not contacted for 30 days</source>
        <translation>30 天未联系</translation>
    </message>
    <message>
        <source>Not contacted for 90 days</source>
        <translation>90 天未联系</translation>
    </message>
    <message>
        <source>Never contacted</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>Contacted between…</source>
        <translation>联系时间介于…</translation>
    </message>
    <message>
        <source>&quot;Not contacted for N days&quot; includes customers never contacted</source>
        <translation>“N 天未联系”包含从未联系的客户</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day (included)</source>
        <translation>结束日期（含）</translation>
    </message>
</context>
<context>
    <name>crm::LeadDialog</name>
    <message>
        <source>Edit lead</source>
        <translation>编辑线索</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新建线索</translation>
    </message>
    <message>
        <source>e.g. website-form, trade-show</source>
        <translation>例如 website-form、trade-show</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>公司：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>邮箱：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>crm::LeadTableModel</name>
    <message>
        <source>New</source>
        <comment>lead status</comment>
        <translation>新线索</translation>
    </message>
    <message>
        <source>Contacted</source>
        <comment>lead status</comment>
        <translation>已联系</translation>
    </message>
    <message>
        <source>Qualified</source>
        <comment>lead status</comment>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <comment>lead status</comment>
        <translation>无效</translation>
    </message>
    <message>
        <source>Converted</source>
        <comment>lead status</comment>
        <translation>已转化</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>crm::LeadsView</name>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>跟进中</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open: new, contacted and qualified leads</source>
        <translation>跟进中：新线索、已联系和已确认的线索</translation>
    </message>
    <message>
        <source>All I can see</source>
        <translation>全部可见</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新建线索</translation>
    </message>
    <message>
        <source>New lead (Ctrl+N)</source>
        <translation>新建线索（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>分配给…</translation>
    </message>
    <message>
        <source>Convert to customer…</source>
        <translation>转为客户…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n 条线索</numerusform>
        </translation>
    </message>
    <message>
        <source>Lead “%1” created.</source>
        <translation>已创建线索“%1”。</translation>
    </message>
    <message>
        <source>Lead “%1” saved.</source>
        <translation>已保存线索“%1”。</translation>
    </message>
    <message>
        <source>The lead&apos;s current values are shown now.</source>
        <translation>现在显示的是该线索的最新内容。</translation>
    </message>
    <message>
        <source>Unassigned (back to the queue)</source>
        <translation>未分配（退回待分配队列）</translation>
    </message>
    <message>
        <source>Assign lead</source>
        <translation>分配线索</translation>
    </message>
    <message>
        <source>New owner of “%1”:</source>
        <translation>“%1”的新负责人：</translation>
    </message>
    <message>
        <source>“%1” assigned to %2.</source>
        <translation>已将“%1”分配给 %2。</translation>
    </message>
    <message>
        <source>“%1” is back in the unassigned queue.</source>
        <translation>“%1”已退回未分配队列。</translation>
    </message>
    <message>
        <source>Convert lead</source>
        <translation>转为客户</translation>
    </message>
    <message>
        <source>Convert “%1” into a customer with its contact and an opportunity?</source>
        <translation>将“%1”转为客户，并创建联系人和商机？</translation>
    </message>
    <message>
        <source>Convert “%1” into a customer with its contact?</source>
        <translation>将“%1”转为客户，并创建联系人？</translation>
    </message>
    <message>
        <source>A converted lead is kept as the record of where the customer came from; it cannot be changed afterwards.</source>
        <translation>转化后的线索将作为客户来源的记录保留，之后不能再修改。</translation>
    </message>
    <message>
        <source>Converted into customer “%1”.</source>
        <translation>已转为客户“%1”。</translation>
    </message>
    <message>
        <source>Lead converted</source>
        <translation>线索已转化</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Delete lead</source>
        <translation>删除线索</translation>
    </message>
    <message>
        <source>Delete the lead “%1”? This cannot be undone.</source>
        <translation>删除线索“%1”？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Lead “%1” deleted.</source>
        <translation>已删除线索“%1”。</translation>
    </message>
    <message>
        <source>Assign leads</source>
        <translation>分配线索</translation>
    </message>
    <message numerus="yes">
        <source>New owner of %n lead(s):</source>
        <translation>
            <numerusform>这 %n 条线索的新负责人：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) handed out.</source>
        <translation>
            <numerusform>已分配 %n 条线索。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::LogActivityDialog</name>
    <message>
        <source>Log activity</source>
        <translation>记录跟进</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>What it was about</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>e.g. interested, call back next week</source>
        <translation>例如：有意向，下周再联系</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>crm::MainWindow</name>
    <message>
        <source>CRM Workstation</source>
        <translation>CRM 工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>About the CRM</source>
        <translation>关于 CRM</translation>
    </message>
    <message>
        <source>CRM Workstation %1
Customers, pipeline and team for small and medium businesses.
Licensed under the GNU GPL version 3.</source>
        <translation>CRM 工作台 %1
面向中小企业的客户、销售漏斗与团队管理。
以 GNU GPL 第 3 版授权。</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <source>API server: %1</source>
        <translation>API 服务：%1</translation>
    </message>
    <message>
        <source>API server: off</source>
        <translation>API 服务：已关闭</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>%1 (due %2)</source>
        <translation>%1（%2 到期）</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due</source>
        <translation>
            <numerusform>%n 个任务到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>商机看板</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Won deals closed in %1</source>
        <translation>%1 赢单的交易</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Your permissions changed: the views were updated.</source>
        <translation>您的权限已变更，视图已随之更新。</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>跟进活动</translation>
    </message>
    <message>
        <source>%1 of %2, %3 to %4</source>
        <translation>%2 的%1（%3 至 %4）</translation>
    </message>
    <message>
        <source>Opportunities created %1 to %2 that reached %3</source>
        <translation>%1 至 %2 创建、到达“%3”阶段的商机</translation>
    </message>
    <message>
        <source>Show the stage on the board</source>
        <translation>在看板上查看此阶段</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s) past the expected close date</source>
        <translation>
            <numerusform>%n 个商机已过预计成交日期</numerusform>
        </translation>
    </message>
    <message>
        <source>See “Deals closing soon” under Tasks.</source>
        <translation>请在“任务”中查看“即将到期的商机”。</translation>
    </message>
    <message>
        <source>See them on the pipeline board.</source>
        <translation>请在商机看板中查看。</translation>
    </message>
</context>
<context>
    <name>crm::MappingFieldDelegate</name>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind (person/company)</source>
        <translation>类型（个人/企业）</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>客户电话</translation>
    </message>
    <message>
        <source>Opportunity name</source>
        <translation>商机名称</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Probability (%)</source>
        <translation>赢率（%）</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Expected close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Loss reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Activity type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact person&apos;s position</source>
        <translation>联系人职位</translation>
    </message>
    <message>
        <source>Contact person&apos;s phone</source>
        <translation>联系人电话</translation>
    </message>
    <message>
        <source>Contact person&apos;s email</source>
        <translation>联系人邮箱</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Primary contact (yes/no)</source>
        <translation>主联系人（是/否）</translation>
    </message>
</context>
<context>
    <name>crm::MergeCustomersDialog</name>
    <message>
        <source>Public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Choose the record that stays and, where the two differ, which value it keeps. Phones, emails, addresses, tags and groups of both are kept. The other record is deleted.</source>
        <translation>选择保留的记录，并在两者不同之处选择保留哪个值。两条记录的电话、邮箱、地址、标签和分组都会保留。另一条记录将被删除。</translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation>保留此记录</translation>
    </message>
    <message>
        <source>Survives</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>关联记录</translation>
    </message>
    <message>
        <source>Custom field “%1”</source>
        <translation>自定义字段“%1”</translation>
    </message>
    <message>
        <source>The other fields are the same in both records.</source>
        <translation>其余字段在两条记录中相同。</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>You may not change this field: the surviving record keeps its value.</source>
        <translation>您无权修改此字段：保留的记录沿用其原值。</translation>
    </message>
    <message numerus="yes">
        <source>%n activity(s)</source>
        <translation>
            <numerusform>%n 条活动记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n opportunity(s)</source>
        <translation>
            <numerusform>%n 个商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n 位联系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s)</source>
        <translation>
            <numerusform>%n 次回访</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n 个营销活动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feedback entry(s)</source>
        <translation>
            <numerusform>%n 条反馈</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n converted lead(s)</source>
        <translation>
            <numerusform>%n 条已转化线索</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Nothing else is attached to “%1”.</source>
        <translation>“%1”没有其他关联记录。</translation>
    </message>
    <message>
        <source>Moves to “%1”: %2.</source>
        <translation>将转移到“%1”：%2。</translation>
    </message>
    <message>
        <source>“%1” is then deleted.</source>
        <translation>随后删除“%1”。</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
</context>
<context>
    <name>crm::OpportunityCardDelegate</name>
    <message numerus="yes">
        <source>%n day(s) in stage</source>
        <translation>
            <numerusform>停留 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crm::OpportunityDialog</name>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>Why was it lost? (price, competitor, no budget…)</source>
        <translation>为什么输单？（价格、竞争对手、没有预算…）</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Loss reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Moved by</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>进入时间</translation>
    </message>
    <message>
        <source>Days in stage</source>
        <translation>停留天数</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>阶段历史</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <source>(created)</source>
        <translation>（创建）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Opportunity: %1</source>
        <translation>商机：%1</translation>
    </message>
    <message>
        <source>Won %1</source>
        <translation>%1 赢单</translation>
    </message>
    <message>
        <source>Lost %1</source>
        <translation>%1 输单</translation>
    </message>
    <message numerus="yes">
        <source>Open, %n day(s) in this stage</source>
        <translation>
            <numerusform>进行中，已在此阶段停留 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · Created %2 · Updated %3</source>
        <translation>%1 · 创建于 %2 · 更新于 %3</translation>
    </message>
    <message>
        <source>Hidden by your role</source>
        <translation>您的角色无权查看</translation>
    </message>
    <message>
        <source>Edit opportunity “%1”</source>
        <translation>编辑商机“%1”</translation>
    </message>
    <message>
        <source>Delete opportunity</source>
        <translation>删除商机</translation>
    </message>
    <message>
        <source>Delete “%1”? Its stage history goes with it; its tasks and activities stay with the customer.</source>
        <translation>删除“%1”？其阶段历史将一并删除；相关任务和跟进记录仍保留在客户名下。</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Another pipeline moves the opportunity to the stage chosen there</source>
        <translation>选择其他销售流程会将商机移到该流程中所选的阶段</translation>
    </message>
</context>
<context>
    <name>crm::ParticipantTableModel</name>
    <message>
        <source>Customer #%1</source>
        <translation>客户 #%1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Responded at</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Added at</source>
        <translation>加入时间</translation>
    </message>
</context>
<context>
    <name>crm::PipelineBoardView</name>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Any close date</source>
        <translation>任意成交日期</translation>
    </message>
    <message>
        <source>Closing this month</source>
        <translation>本月预计成交</translation>
    </message>
    <message>
        <source>Closing this quarter</source>
        <translation>本季度预计成交</translation>
    </message>
    <message>
        <source>Closing in the next 90 days</source>
        <translation>未来 90 天预计成交</translation>
    </message>
    <message>
        <source>Pipeline:</source>
        <translation>销售流程：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n opportunity(ies)</source>
        <translation>
            <numerusform>%n 个商机</numerusform>
        </translation>
    </message>
    <message>
        <source>Total hidden</source>
        <translation>金额已隐藏</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>合计 %1</translation>
    </message>
    <message>
        <source>Weighted %1</source>
        <translation>加权 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n closing in the period</source>
        <translation>
            <numerusform>%n 个在所选期间成交</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>标记为输单</translation>
    </message>
    <message>
        <source>Why was it lost (moving to “%1”)?</source>
        <translation>输单原因（移到“%1”）？</translation>
    </message>
    <message>
        <source>That stage is not in this pipeline.</source>
        <translation>该阶段不属于此销售流程。</translation>
    </message>
    <message>
        <source>Not moved: a lost opportunity needs a reason.</source>
        <translation>未移动：输单需要填写原因。</translation>
    </message>
    <message>
        <source>Moving…</source>
        <translation>正在移动…</translation>
    </message>
    <message>
        <source>Moved “%1” to %2.</source>
        <translation>已将“%1”移到%2。</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>未移动：%1</translation>
    </message>
    <message>
        <source>Closing next month</source>
        <translation>下月成交</translation>
    </message>
    <message>
        <source>Closing between…</source>
        <translation>预计成交介于…</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>所有团队</translation>
    </message>
    <message>
        <source>A department with the departments below it</source>
        <translation>部门及其下属部门</translation>
    </message>
    <message>
        <source>Expected close from</source>
        <translation>预计成交起始日期</translation>
    </message>
    <message>
        <source>Expected close until (included)</source>
        <translation>预计成交截止日期（含）</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>团队：</translation>
    </message>
    <message>
        <source>Move “%1” to %2</source>
        <translation>将“%1”移到 %2</translation>
    </message>
    <message>
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
    </message>
</context>
<context>
    <name>crm::ReportsView</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>另存为 Excel…</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>最近 365 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <source>Everyone I can see</source>
        <translation>我可查看的全部</translation>
    </message>
    <message>
        <source>Choose a report and a period, then Preview.</source>
        <translation>选择报表和期间，然后点击预览。</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>The report could not be built: %1</source>
        <translation>无法生成报表：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2 — %n page(s)</source>
        <translation>
            <numerusform>%1 — %2 — 共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>将报表另存为 PDF</translation>
    </message>
    <message>
        <source>Save the report as Excel</source>
        <translation>将报表另存为 Excel</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Could not save the report: %1</source>
        <translation>无法保存报表：%1</translation>
    </message>
</context>
<context>
    <name>crm::RescheduleDialog</name>
    <message>
        <source>Remind me</source>
        <translation>提醒我</translation>
    </message>
    <message>
        <source>Reschedule task</source>
        <translation>改期任务</translation>
    </message>
    <message>
        <source>At the due time</source>
        <translation>到期时</translation>
    </message>
    <message>
        <source>15 minutes before</source>
        <translation>提前 15 分钟</translation>
    </message>
    <message>
        <source>1 hour before</source>
        <translation>提前 1 小时</translation>
    </message>
    <message>
        <source>1 day before</source>
        <translation>提前 1 天</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
</context>
<context>
    <name>crm::ResponseDialog</name>
    <message>
        <source>Record response</source>
        <translation>记录答复</translation>
    </message>
    <message>
        <source>What the customer said</source>
        <translation>客户的答复</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Response:</source>
        <translation>答复：</translation>
    </message>
    <message>
        <source>Customer #%1</source>
        <translation>客户 #%1</translation>
    </message>
</context>
<context>
    <name>crm::RolesPanel</name>
    <message>
        <source>Save role</source>
        <translation>保存角色</translation>
    </message>
    <message>
        <source>New role…</source>
        <translation>新建角色…</translation>
    </message>
    <message>
        <source>Sees</source>
        <translation>可见范围</translation>
    </message>
    <message>
        <source>May</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Role %1 saved; it applies at once.</source>
        <translation>角色 %1 已保存，立即生效。</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>新建角色</translation>
    </message>
    <message>
        <source>Name of the new role (it starts with a sales rep&apos;s permissions):</source>
        <translation>新角色名称（初始权限与销售代表相同）：</translation>
    </message>
    <message>
        <source>Role %1 created.</source>
        <translation>已创建角色 %1。</translation>
    </message>
</context>
<context>
    <name>crm::SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>API server for the mobile app</source>
        <translation>移动端 API 服务</translation>
    </message>
    <message>
        <source>Serve the API while the workstation is open</source>
        <translation>工作台运行时提供 API 服务</translation>
    </message>
    <message>
        <source>127.0.0.1: this computer only; 0.0.0.0: every network interface</source>
        <translation>127.0.0.1：仅本机；0.0.0.0：所有网络接口</translation>
    </message>
    <message>
        <source>PEM certificate file (optional: HTTPS)</source>
        <translation>PEM 证书文件（可选：启用 HTTPS）</translation>
    </message>
    <message>
        <source>PEM private key file</source>
        <translation>PEM 私钥文件</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <source>TLS key</source>
        <translation>TLS 私钥</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Database and account</source>
        <translation>数据库与账号</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <source>To work on another database, sign out (File menu) and choose it.</source>
        <translation>如需使用其他数据库，请先退出登录（文件菜单），再重新选择。</translation>
    </message>
    <message>
        <source>Not running: %1</source>
        <translation>未运行：%1</translation>
    </message>
    <message>
        <source>Not available in this process</source>
        <translation>此进程不提供</translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation>运行中：%1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Running at %1; the reps&apos; app: %2</source>
        <translation>运行中：%1；销售代表应用：%2</translation>
    </message>
</context>
<context>
    <name>crm::SignInDialog</name>
    <message>
        <source>Sign in to the CRM</source>
        <translation>登录 CRM</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Company server (PostgreSQL)</source>
        <translation>公司服务器（PostgreSQL）</translation>
    </message>
    <message>
        <source>Remember me (the password is kept in the system keychain)</source>
        <translation>记住我（密码保存在系统钥匙串中）</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Enter the server as postgresql://user@host/database.</source>
        <translation>请按 postgresql://用户@主机/数据库 的格式填写服务器。</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新数据库</translation>
    </message>
    <message>
        <source>This database was empty. Its first administrator has been created:

user name: %1
one-time password: %2

Write the password down now; you will choose a new one after signing in.</source>
        <translation>此数据库原为空。已创建第一位管理员：

用户名：%1
一次性密码：%2

请立即记下密码；登录后您需要设置新密码。</translation>
    </message>
    <message>
        <source>Choose your password</source>
        <translation>设置您的密码</translation>
    </message>
    <message>
        <source>Your password was generated for you. Choose your own password to continue.</source>
        <translation>您的密码是系统生成的。请设置自己的密码后继续。</translation>
    </message>
    <message>
        <source>You need to choose a new password before you can sign in.</source>
        <translation>您需要先设置新密码才能登录。</translation>
    </message>
</context>
<context>
    <name>crm::TasksView</name>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>未来 7 天</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Loading failed: %1</source>
        <translation>加载失败：%1</translation>
    </message>
    <message>
        <source>No tasks</source>
        <translation>没有任务</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 个任务</numerusform>
        </translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Reopen “%1”</source>
        <translation>重新打开“%1”</translation>
    </message>
    <message>
        <source>Complete “%1”</source>
        <translation>完成“%1”</translation>
    </message>
</context>
<context>
    <name>crm::TeamView</name>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>销售代表</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <source>The password of %1 has been reset.</source>
        <translation>%1 的密码已重置。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln 位用户</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Saved; it applies at once.</source>
        <translation>已保存，立即生效。</translation>
    </message>
</context>
<context>
    <name>crm::UndoHistory</name>
    <message>
        <source>Could not undo or redo: %1</source>
        <translation>无法撤销或重做：%1</translation>
    </message>
</context>
<context>
    <name>crm::UserDialog</name>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>上级</translation>
    </message>
</context>
</TS>
