using Contests.Api.Registration;
using Contests.Domain.Registration;

namespace Contests.Api.Tests.Support;

/// <summary>Valid request bodies that each test bends in the one way it is about.</summary>
public static class Requests
{
    public static readonly string[] Districts =
        ["TP Bắc Giang", "Việt Yên", "Hiệp Hòa", "Lạng Giang", "Lục Nam", "Lục Ngạn", "Sơn Động", "Tân Yên", "Yên Dũng", "Yên Thế"];

    public static object Contest(string name) => new
    {
        name,
        kind = "Robocon",
        edition = 1,
        organisingBody = "Liên hiệp các Hội KH&KT tỉnh Bắc Giang",
        districts = Districts,
        divisions = new[] { new { code = "THCS", name = "Trung học cơ sở" }, new { code = "THPT", name = "Trung học phổ thông" } },
    };

    public static TeamForm Team(string name, string district = "Việt Yên") => new(
        name,
        "Trường THCS Nguyễn Khắc Nhu",
        district,
        "THCS",
        "0912345678",
        "lien.he@thcs.edu.vn",
        [
            // A birth date derived from the team name keeps teams of one test from sharing a member by accident.
            new(FullName: "Nguyễn Văn An", DateOfBirth: new DateOnly(2011, 1, 1).AddDays(name.Sum(character => character) % 300), Grade: 8, Gender: Domain.Registration.Gender.Male, Phone: null),
            new(FullName: "Trần Thị Bình", DateOfBirth: null, Grade: 8, Gender: null, Phone: "0987654321"),
        ],
        [new(FullName: "Lê Thu Hà", Phone: "0977123456", Email: "ha.le@thcs.edu.vn")]);
}
