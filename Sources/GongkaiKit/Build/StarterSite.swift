// The site `gongkai init` writes: a commented gongkai.yml, Content/ with one example form, a
// .gitignore and, when asked, a copy of the default theme to edit.

import Foundation

public enum StarterSite {
    /// The starter configuration, commented in Chinese.
    public static let configuration = """
        # gongkai 网站配置。修改后运行 gongkai serve 预览，运行 gongkai build 生成 Public/。
        # 每项设置的说明见 gongkai 的 README 和 docs/。

        # 网站名称：显示在每个页面的标题和页眉。
        title: 某县部门预算绩效目标公开

        # 网站的正式地址，以 http:// 或 https:// 开头。用于 sitemap.xml、robots.txt 和每个页面的
        # 规范链接。未设置时 gongkai 会警告（--strict 时为错误），并暂用 https://example.org/。
        # CI 中可以用环境变量 GONGKAI_BASEURL 或 gongkai build --baseURL 覆盖（例如测试站）。
        # baseURL: https://yusuan.example.gov.cn/

        # 主题：Themes/ 中的文件夹名称。default 是 gongkai 内置的主题；Themes/default/ 中的文件
        # 会逐个覆盖内置的同名文件（例如只放一个 assets/custom.css 来改颜色）。
        theme: default

        # 页面的语言（<html lang>）。
        language: zh-CN

        # 同一个部门在文档中的其他写法。
        # departments:
        #   旌德县人力资源和社会保障局: [旌德县人社局]

        # 对某个文档（路径相对于 Content/，* 表示全部文档）不再报告的诊断代码。
        # 代码见 docs/diagnostics.md。
        # silence:
        #   旌德县人力资源和社会保障局/2024-部门项目及绩效目标情况.md: [text-outside-table]

        # 模板可以使用的参数：{{params.名称}}。默认主题在页脚显示下列政府网站信息（设置了的才显示）。
        params:
          主办单位: 某县财政局
          # 承办单位: 某县数据资源局
          # 联系方式: 0563-0000000
          # 网站标识码: "3418000000"
          # ICP备案号: 皖ICP备00000000号
          # 公安备案号: 皖公网安备 34180000000000号
          # 找错: https://zfwzzc.www.gov.cn/

        """

    public static let gitignore = """
        # gongkai 生成的网站和缓存
        /Public/
        /.gongkai-cache/
        /.gongkai-serve/

        """

    /// The files of a new site, as (path relative to its folder, bytes): with `theme`, the
    /// default theme's files under Themes/default/.
    public static func files(theme: Bool) -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = [
            ("gongkai.yml", Array(configuration.utf8)),
            (".gitignore", Array(gitignore.utf8)),
        ]
        out += Embedded.exampleContent.map { ("Content/" + $0.0, $0.1) }
        if theme { out += Embedded.defaultTheme.map { ("Themes/default/" + $0.0, $0.1) } }
        return out
    }
}
