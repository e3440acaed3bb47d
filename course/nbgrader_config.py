# nbgrader configuration of the course «Орієнтація на клієнта».
# Release with clientlearn from this folder:  clientlearn release module1_client_service
import os

c = get_config()  # noqa: F821

c.CourseDirectory.course_id = "client-orientation"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
# The assignments are the repository's module folders, used in place: `clientlearn
# release` puts a link to each into source/ (nbgrader's default source_directory),
# so nothing is copied by hand and the formgrader lists exactly the modules.

from clientlearn.nbgrader_plugins import configure  # noqa: E402

configure(c)
