"""A realistic completed profile for export tests and the export benchmark."""

SAMPLE_PROFILE = {
    "personal_info": {
        "name": "Jordan Álvarez-Nakamura",
        "email": "jordan.alvarez@example.com",
        "phone": "+1-555-0142",
        "location": "San Francisco, CA",
        "linkedin": "https://www.linkedin.com/in/jordan-alvarez",
        "github": "https://github.com/jalvarez",
    },
    "skills": {
        "Languages": ["Python", "Go", "TypeScript", "SQL"],
        "Frameworks": ["Django", "React", "FastAPI"],
        "Data & Cloud": ["PostgreSQL", "Redis", "AWS", "Kubernetes", "Terraform"],
        "Soft Skills": ["Leadership", "Mentoring", "Communication"],
    },
    "experience": [
        {
            "company": "Northwind Analytics",
            "role": "Senior Software Engineer",
            "start_date": "2021-03",
            "end_date": "Present",
            "years": 3.7,
            "description": "Led a team of five building the billing platform in Go and PostgreSQL; "
            "cut invoice generation time from 40 minutes to 90 seconds.",
        },
        {
            "company": "Contoso Health",
            "role": "Software Engineer",
            "start_date": "2018-06",
            "end_date": "2021-02",
            "years": 2.7,
            "description": "Built patient-scheduling APIs in Django serving 2M requests a day.",
        },
        {
            "company": "Fabrikam",
            "role": "Junior Developer",
            "start_date": "2016-09",
            "end_date": "2018-05",
            "years": 1.7,
            "description": "Maintained internal React dashboards and wrote the first test suite.",
        },
    ],
    "education": [
        {"degree": "MSc Computer Science", "institution": "University of Washington", "year": 2016},
        {"degree": "BSc Mathematics", "institution": "Universidad de Chile", "year": 2014},
    ],
    "summary": "Backend engineer with eight years of experience designing reliable, data-heavy "
    "services in Python and Go. Comfortable leading small teams and owning systems end to end, "
    "from schema design to on-call.",
    "job_recommendations": ["Staff Software Engineer", "Backend Tech Lead", "Platform Engineer"],
    "strengths": [
        "Deep backend experience with Python, Go and PostgreSQL",
        "Track record of measurable performance wins",
        "Leads and mentors small teams",
    ],
    "weaknesses": ["Limited frontend depth beyond React dashboards", "No formal management title yet"],
    "total_years_experience": 8.1,
}
