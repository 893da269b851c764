// The facts the five real documents must yield (issue 2's acceptance).

import Testing
@testable import GongkaiKit

@Suite struct SeedFactsTests {
    let site = Seeds.site

    @Test func thirtyOneProjectsInFourDepartmentYears() {
        #expect(site.projectCount == 31)
        let summary = site.departmentYears.map { "\($0.department) \($0.year) \($0.projects.count) \($0.total.wanString)" }
        #expect(summary == [
            "旌德县人力资源和社会保障局 2024 13 625.39",
            "江阴市人力资源和社会保障局 2021 2 755.50",
            "江阴市人力资源和社会保障局 2022 9 90713.35",
            "高新区人社局 2024 7 9035.00",
        ])
        #expect(!site.hasErrors)
    }

    @Test func totalsAreTheExactSumOfTheProjects() {
        for dy in site.departmentYears {
            let fen = dy.projects.reduce(Int64(0)) { $0 + ($1.amount?.fen ?? 0) }
            #expect(dy.total.fen == fen)
            #expect(dy.projects.allSatisfy { $0.amount != nil })
        }
    }

    @Test func xianDeAnnexHasThirteenRowsMatchedToTheirProjects() throws {
        let dy = try #require(Seeds.departmentYear("旌德县人力资源和社会保障局", 2024))
        let annex = try #require(dy.annex)
        #expect(annex.rows.count == 13)
        #expect(annex.total.wanString == "625.39")
        #expect(annex.total == dy.total)
        #expect(dy.annexReconciles == true)
        // Each row is matched to the project at the same position, with the same amount.
        for (i, row) in annex.rows.enumerated() {
            #expect(row.matchedProject == i, "row \(row.number) \(row.name)")
            #expect(row.amountMatches)
        }
        let differing = annex.rows.filter { !$0.nameMatches }.map(\.name)
        #expect(differing == ["事业单位招聘工作经费"])
        #expect(dy.projects[8].name == "事业单位招考工作经费")
    }

    @Test func subItemsOf002EqualTheirProjectTotalInYuan() throws {
        let dy = try #require(Seeds.departmentYear("江阴市人力资源和社会保障局", 2022))
        #expect(dy.projects.count == 9)
        for p in dy.projects {
            let total = try #require(p.totalAmount, "\(p.name)")
            #expect(!p.subItems.isEmpty, "\(p.name)")
            let yuan = p.subItems.compactMap(\.fullYear).sum()
            // 项目总金额 (万元) × 10000 = 全年（程）预算数 (元), exactly.
            #expect(yuan == total, "\(p.name): \(yuan.yuanString) 元 vs \(total.wanString) 万元")
            #expect(p.code?.count == 21)
        }
    }

    @Test func jobSubsidyHasTwelveIndicatorsIncludingTheSocialInsuranceSubsidy() throws {
        let p = try #require(Seeds.project("就业补助资金县级配套", in: "旌德县人力资源和社会保障局", 2024))
        #expect(p.indicators.count == 12)
        let match = p.indicators.first { $0.name == "基层特定岗位社保补贴" }
        #expect(match?.level1 == "产出指标")
        #expect(match?.level2 == "成本指标")
        #expect(match?.value == "≥904.35元/人/月")
        #expect(p.amount?.wanString == "155.00")
        #expect(p.otherNames.contains("就业补助资金县级配套项目"))
    }

    @Test func latexValuesAreReadAsText() throws {
        let p = try #require(Seeds.project("创业担保贷款财政贴息", in: "旌德县人力资源和社会保障局", 2024))
        let satisfaction = try #require(p.indicators.first { $0.kind == .satisfaction })
        #expect(satisfaction.name == "服务对象满意度")
        #expect(satisfaction.value == "≥95%")
        let all = p.indicators.compactMap(\.value).joined()
        #expect(!all.contains("$") && !all.contains("\\"))
    }

    @Test func ocrGarbageIsADiagnosticNotAnIndicator() throws {
        let dy = try #require(Seeds.departmentYear("江阴市人力资源和社会保障局", 2022))
        let garbage = ["创业促八": 26, "八八八八": 92, "八五五": 131]
        for (text, line) in garbage {
            let diagnostics = site.diagnostics.filter { $0.code == "ocr-garbage" && $0.message.contains(text) }
            #expect(diagnostics.count == 1, "\(text)")
            #expect(diagnostics.first?.location.line == line)
            #expect(diagnostics.first?.location.file == Repo.jiangyin2022)
            for p in dy.projects {
                let texts = p.indicators.flatMap { [$0.level1, $0.level2, $0.name] + $0.targets.compactMap(\.value) }
                    + p.sections.map(\.text) + p.fields.map(\.value) + [p.name]
                #expect(!texts.contains { $0.contains(text) }, "\(text) in \(p.name)")
            }
        }
        // The indicator on those rows is still read, under the 二级 carried from above.
        for (index, line) in [(0, 26), (1, 92), (2, 131)] {
            let indicator = dy.projects[index].indicators.first { $0.line == line }
            #expect(indicator?.name == "资金分配合理性")
            #expect(indicator?.level2 == "资金投入")
            #expect(indicator?.level1 == "决策")
            #expect(indicator?.value == "合理")
        }
    }

    @Test func departmentsAreNormalised() {
        let names = site.departments.map(\.name)
        #expect(names == ["旌德县人力资源和社会保障局", "江阴市人力资源和社会保障局", "高新区人社局"])
        let jiangyin = site.departments.first { $0.name == "江阴市人力资源和社会保障局" }
        #expect(jiangyin?.aliases.contains("江阴市人社局") == true)
        #expect(jiangyin?.aliases.contains("江阴市人力资源和社会保障局（机关）") == true)
        #expect(jiangyin?.years.map(\.year) == [2021, 2022])
    }

    @Test func recurringProjectIsFoundInBothYears() {
        let a = Seeds.project("人社专职协理员工作经费", in: "江阴市人力资源和社会保障局", 2021)
        let b = Seeds.project("人社专职协理员工作经费", in: "江阴市人力资源和社会保障局", 2022)
        #expect(a?.amount?.wanString == "666.00")
        #expect(b?.amount?.wanString == "666.00")
        #expect(a?.indicators.first { $0.name == "协理员人数（人）" }?.value == "=315个")
        #expect(b?.indicators.first { $0.name == "全市协理员人数" }?.value == "=317人")
    }

    @Test func halfAndFullYearValuesAndContinuationRows() throws {
        let p = try #require(Seeds.project("企业退休人员体检费", in: "江阴市人力资源和社会保障局", 2022))
        #expect(p.indicatorColumns.halfAndFullYear)
        let people = try #require(p.indicators.first { $0.name == "参与体检人数" })
        #expect(people.targets.map { "\($0.halfYear ?? "")|\($0.value ?? "")" } == [">14.5万|>14.5万", ">5万|>15万"])
        // The block with doubled tabs reads the same as the others.
        #expect(p.indicators.first { $0.name == "预算编制科学性" }?.targets.first?.halfYear == "科学")
        #expect(p.indicators.count == 19)
    }

    @Test func rowsShiftedAColumnAreReadInPlace() throws {
        let a = try #require(Seeds.project("人社专职协理员工作经费", in: "江阴市人力资源和社会保障局", 2021))
        let shifted = try #require(a.indicators.first { $0.name == "城镇新增就业人数（人）" })
        #expect(shifted.level1 == "效益指标" && shifted.level2 == "社会效益" && shifted.value == ">=2.07万")
        let sustain = try #require(a.indicators.first { $0.name == "资源与社会保障基层平台公共服务标准" })
        #expect(sustain.level2 == "可持续影响" && sustain.value == "完善")
        let c = try #require(Seeds.project("社会保险经办机构经费", in: "旌德县人力资源和社会保障局", 2024))
        #expect(c.indicators.count == 17)
        #expect(c.indicators.first { $0.name == "各项社会保险待遇发放率" }?.level2 == "质量指标")
        let lastRow = try #require(Seeds.project("事业单位招考工作经费", in: "旌德县人力资源和社会保障局", 2024)?.indicators.last)
        #expect(lastRow.level1 == "满意度指标" && lastRow.name == "服务对象满意度" && lastRow.value == "≥95%")
    }

    @Test func tableDumpsAreReadCellByCell() throws {
        let dy = try #require(Seeds.departmentYear("高新区人社局", 2024))
        let p = try #require(dy.projects.first)
        #expect(p.name == "被征地农民社会保障费")
        #expect(p.code == nil)
        #expect(p.spendingPlan.map(\.share) == ["20%", "50%", "70%", "100%"])
        #expect(p.spendingPlan.map(\.label) == ["3月底", "6月底", "10月底", "12月底"])
        #expect(p.goals.map(\.title) == ["目标1", "目标2"])
        let effect = try #require(p.indicators.first { $0.level1 == "效果指标" })
        // A row split by blank lines is joined back together.
        #expect(effect.name == "筹集社会保障费和风险基金完成")
        #expect(effect.description == "被征地农民社会保障费和风险基金是否及时发放")
        #expect(effect.value == "及时发放" && effect.basis == "工作经验")
        let cost = try #require(p.indicators.first { $0.level2 == "成本指标" })
        #expect(cost.value == "=7000万元")
        #expect(dy.projects.map(\.name).contains("机关事业养老保险财政补助"))
        #expect(dy.projects.first { $0.name == "机关事业养老保险财政补助" }?.otherNames == ["机关事业养老保险财政补贴"])
    }

    @Test func overallGoalsOfGaoxin() throws {
        let goals = try #require(Seeds.departmentYear("高新区人社局", 2024)?.overallGoals)
        #expect(goals.sections.map(\.title) == ["一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施"])
        #expect(goals.sections[1].items.count == 5)
        #expect(goals.sections[1].items[0].title == "（一）促进区内就业、创业工作的发展")
        #expect(goals.sections[1].items[1].indicator == "养老金征缴任务完成率为100%，受益群体满意度达到85%以上。")
        #expect(goals.sections[2].paragraphs.count == 9)
    }

    @Test func layoutsAreRecognised() {
        let layouts = Repo.seeds.map { Seeds.read($0).layout }
        #expect(layouts == [.a, .a, .b, .c, .d])
    }
}
